import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CompoundStatement, SqlExecutor, WriteResult } from '@shopwire/database';
import { DataSource } from 'typeorm';
import { ORDERING_OPTIONS, DEFAULT_IDEMPOTENCY_OPTIONS, type OrderingOptions } from '../ordering-options.js';

/**
 * A key as the customer used it: keys are scoped to the token's subject and its account
 * incarnation (ADR 0017: a later account with the same email never replays an earlier one's).
 */
export interface IdempotencyScope {
  customerEmail: string;
  /** The token's account incarnation; '' for a token without one. */
  incarnation: string;
  key: string;
}

/** A finished response, replayed verbatim to repeats. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export type ClaimOutcome =
  | { kind: 'claimed'; owner: Buffer }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'reused' }
  | { kind: 'in-flight' };

interface KeyRow {
  request_hash: Buffer;
  state: 'IN_FLIGHT' | 'DONE';
  owner_token: Buffer;
  response_status: number | null;
  response_body: string | null;
  stale: number | string;
}

const CLAIM_ATTEMPTS = 3;

/**
 * The `idempotency_keys` table. A claim is its own autocommitted INSERT, so a concurrent repeat
 * sees it at once (409) instead of queueing behind the first request. An IN_FLIGHT claim older
 * than the in-flight timeout belongs to a crashed process and may be taken over; every later
 * write is conditional on the claim's owner token.
 */
@Injectable()
export class IdempotencyKeysRepository {
  private readonly inFlightTimeout: number;
  private readonly retention: number;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ORDERING_OPTIONS) options: OrderingOptions,
  ) {
    const settings = options.idempotency ?? DEFAULT_IDEMPOTENCY_OPTIONS;
    this.inFlightTimeout = settings.inFlightTimeoutSeconds;
    this.retention = settings.retentionSeconds;
  }

  async claim(scope: IdempotencyScope, fingerprint: Buffer): Promise<ClaimOutcome> {
    const owner = randomBytes(16);
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      if (await this.insertClaim(scope, fingerprint, owner)) return { kind: 'claimed', owner };
      const row = await this.read(scope);
      if (!row) continue; // released in between: claim again
      if (Number(row.stale) === 1) {
        if (await this.takeOver(scope, fingerprint, owner, row.owner_token)) return { kind: 'claimed', owner };
        continue;
      }
      if (!Buffer.from(row.request_hash).equals(fingerprint)) return { kind: 'reused' };
      if (row.state === 'IN_FLIGHT' || row.response_status === null || row.response_body === null) {
        return { kind: 'in-flight' };
      }
      return { kind: 'replay', response: { status: row.response_status, body: JSON.parse(row.response_body) } };
    }
    return { kind: 'in-flight' };
  }

  /** Records the final response; false when the claim was lost (expired and taken over). */
  async complete(sql: SqlExecutor, scope: IdempotencyScope, owner: Buffer, response: StoredResponse): Promise<boolean> {
    const result = await sql.query<WriteResult>(
      `UPDATE idempotency_keys SET state = 'DONE', response_status = ?, response_body = ?
       WHERE customer_email = ? AND customer_incarnation = ? AND idem_key = ? AND owner_token = ?`,
      [response.status, JSON.stringify(response.body), scope.customerEmail, scope.incarnation, scope.key, owner],
    );
    return Number(result.affectedRows) === 1;
  }

  /**
   * `complete` with a 200 whose body is `{"id":N}`, N in `idVariable` (an order id known only
   * inside `statement`, ADR 0026); the same text as JSON.stringify (the CAST: a local variable
   * would go into JSON as a string). A lost claim signals, so nothing of the statement is written.
   */
  addCompleteWithId(statement: CompoundStatement, scope: IdempotencyScope, owner: Buffer, idVariable: string): void {
    statement.add(
      `UPDATE idempotency_keys SET state = 'DONE', response_status = 200, response_body = JSON_COMPACT(JSON_OBJECT('id', CAST(${idVariable} AS UNSIGNED)))
       WHERE customer_email = ? AND customer_incarnation = ? AND idem_key = ? AND owner_token = ?;
       IF ROW_COUNT() <> 1 THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'shopwire: idempotency claim lost';
       END IF;`,
      [scope.customerEmail, scope.incarnation, scope.key, owner],
    );
  }

  /** Forgets an unfinished claim (the request failed in a way a retry may fix). */
  async release(scope: IdempotencyScope, owner: Buffer): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE customer_email = ? AND customer_incarnation = ? AND idem_key = ? AND owner_token = ? AND state = 'IN_FLIGHT'`,
      [scope.customerEmail, scope.incarnation, scope.key, owner],
    );
  }

  /** True when this request inserted the claim; false when the key already had a row. */
  private async insertClaim(scope: IdempotencyScope, fingerprint: Buffer, owner: Buffer): Promise<boolean> {
    // Affected rows: 1 = inserted, 2 = the existing row's counter was bumped. No failing
    // INSERT, so a replay leaves no error in the logs.
    const result = await this.dataSource.query(
      `INSERT INTO idempotency_keys
         (customer_email, customer_incarnation, idem_key, request_hash, state, owner_token, created_at)
       VALUES (?, ?, ?, ?, 'IN_FLIGHT', ?, UTC_TIMESTAMP(3))
       ON DUPLICATE KEY UPDATE repeats = repeats + 1`,
      [scope.customerEmail, scope.incarnation, scope.key, fingerprint, owner],
    );
    return Number(result.affectedRows) === 1;
  }

  private async read(scope: IdempotencyScope): Promise<KeyRow | undefined> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT request_hash, state, owner_token, response_status, response_body,
              created_at < UTC_TIMESTAMP(3) - INTERVAL IF(state = 'IN_FLIGHT', ?, ?) SECOND AS stale
       FROM idempotency_keys WHERE customer_email = ? AND customer_incarnation = ? AND idem_key = ?`,
      [this.inFlightTimeout, this.retention, scope.customerEmail, scope.incarnation, scope.key],
    );
    return rows[0];
  }

  private async takeOver(
    scope: IdempotencyScope,
    fingerprint: Buffer,
    owner: Buffer,
    previous: Buffer,
  ): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE idempotency_keys
       SET request_hash = ?, state = 'IN_FLIGHT', owner_token = ?, response_status = NULL, response_body = NULL,
           created_at = UTC_TIMESTAMP(3)
       WHERE customer_email = ? AND customer_incarnation = ? AND idem_key = ? AND owner_token = ?`,
      [fingerprint, owner, scope.customerEmail, scope.incarnation, scope.key, previous],
    );
    return Number(result.affectedRows) === 1;
  }
}
