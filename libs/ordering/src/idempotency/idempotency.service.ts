import { ContractError } from '@shopwire/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError } from '../errors.js';
import {
  IdempotencyKeyStore,
  type IdempotencyScope,
  type SqlExecutor,
  type StoredResponse,
} from './idempotency-key.store.js';
import { requestFingerprint } from './request-fingerprint.js';

/** Given to the work: stores its success response inside the work's own transaction. */
export type CompleteWithin<T> = (tx: SqlExecutor, response: T) => Promise<void>;

/**
 * Idempotency-Key semantics of contract §8 around one request's work: the first request claims
 * the key and runs; a repeat with the same body gets the stored response (a 4xx included) and
 * nothing runs; a different body → 422; a repeat while the first still runs → 409. A success
 * is recorded atomically with what it created (the work calls `complete` in its transaction),
 * so a crash can never leave an order without its replayable answer.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);

  constructor(
    @Inject(IdempotencyKeyStore) private readonly store: IdempotencyKeyStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async execute<T>(
    scope: IdempotencyScope,
    body: unknown,
    work: (complete: CompleteWithin<T>) => Promise<T>,
  ): Promise<T> {
    const claim = await this.store.claim(scope, requestFingerprint(body));
    if (claim.kind === 'replay') return replay<T>(claim.response);
    if (claim.kind === 'reused') throw new IdempotencyKeyReusedError();
    if (claim.kind === 'in-flight') throw new IdempotencyKeyInFlightError();

    let completed = false;
    const complete: CompleteWithin<T> = async (tx, response) => {
      // Lost claim (expired, taken over): abort so the caller's transaction rolls back.
      if (!(await this.store.complete(tx, scope, claim.owner, { status: 200, body: response }))) {
        throw new IdempotencyKeyInFlightError();
      }
      completed = true;
    };
    try {
      const response = await work(complete);
      if (!completed) await complete(this.dataSource, response);
      return response;
    } catch (error) {
      await this.settleFailure(scope, claim.owner, error);
      throw error;
    }
  }

  /** A contract 4xx is the final answer and replays; anything else frees the key for a retry. */
  private async settleFailure(scope: IdempotencyScope, owner: Buffer, error: unknown): Promise<void> {
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
