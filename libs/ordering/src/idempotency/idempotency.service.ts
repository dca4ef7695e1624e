import { ContractError } from '@shopwire/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError } from '../errors.js';
import type { CompoundStatement, SqlExecutor } from '@shopwire/database';
import {
  IdempotencyKeysRepository,
  type IdempotencyScope,
  type StoredResponse,
} from './idempotency-keys.repository.js';
import { requestFingerprint } from './request-fingerprint.js';

/** A key this request holds: it does the work, then completes or settles the claim. */
export interface IdempotencyClaim {
  scope: IdempotencyScope;
  owner: Buffer;
}

/** What a key says before the work runs: answer with an earlier response, or go ahead holding the claim. */
export type IdempotencyStart<T> = { kind: 'replay'; response: T } | { kind: 'claimed'; claim: IdempotencyClaim };

/**
 * Idempotency-Key semantics of contract §8, as steps of a use case: `begin` claims the key (a
 * repeat with the same body gets the stored response — a stored 4xx is thrown again; a different
 * body → 422; a repeat while the first still runs → 409); `complete` records the success inside
 * the work's own transaction, so a crash can never leave an order without its replayable answer;
 * `settleFailure` records a contract 4xx (it replays) or frees the key for a retry.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);

  constructor(
    @Inject(IdempotencyKeysRepository) private readonly store: IdempotencyKeysRepository,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async begin<T>(scope: IdempotencyScope, body: unknown): Promise<IdempotencyStart<T>> {
    const claim = await this.store.claim(scope, requestFingerprint(body));
    if (claim.kind === 'reused') throw new IdempotencyKeyReusedError();
    if (claim.kind === 'in-flight') throw new IdempotencyKeyInFlightError();
    if (claim.kind === 'replay') return { kind: 'replay', response: replay<T>(claim.response) };
    return { kind: 'claimed', claim: { scope, owner: claim.owner } };
  }

  /** Stores the 200 response in `tx`; a lost claim (expired, taken over) throws 409 so `tx` rolls back. */
  async complete<T>(tx: SqlExecutor, claim: IdempotencyClaim, response: T): Promise<void> {
    if (!(await this.store.complete(tx, claim.scope, claim.owner, { status: 200, body: response }))) {
      throw new IdempotencyKeyInFlightError();
    }
  }

  /** `complete` of a placed order's `{ id }` inside a placement statement: `idVariable` holds the id (ADR 0026). */
  addCompletion(statement: CompoundStatement, claim: IdempotencyClaim, idVariable: string): void {
    this.store.addCompleteWithId(statement, claim.scope, claim.owner, idVariable);
  }

  /** A contract 4xx is the final answer and replays; anything else frees the key for a retry. */
  async settleFailure({ scope, owner }: IdempotencyClaim, error: unknown): Promise<void> {
    try {
      if (error instanceof ContractError && error.status >= 400 && error.status < 500) {
        await this.store.complete(this.dataSource, scope, owner, {
          status: error.status,
          body: { message: error.message },
        });
      } else {
        await this.store.release(scope, owner);
      }
    } catch (storeError) {
      // The key stays IN_FLIGHT and expires after the in-flight timeout.
      this.logger.warn({ err: storeError }, 'Idempotency key not settled');
    }
  }
}

function replay<T>(response: StoredResponse): T {
  if (response.status === 200) return response.body as T;
  throw new ContractError((response.body as { message: string }).message, response.status);
}
