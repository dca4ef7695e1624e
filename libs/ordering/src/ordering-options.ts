/** What the ordering domain needs from its host app's configuration. */
export interface OrderingOptions {
  /** Redis of the order-events channel, published on after each commit (OrderEventsPublisher). */
  redisUrl: string;
  idempotency?: IdempotencyOptions;
  groupCommit?: Partial<GroupCommitOptions>;
}

/** POST /order's group commit (ADR 0026). */
export interface GroupCommitOptions {
  /** The longest an order waits for its batch to start, in ms. */
  windowMs: number;
  /** The most orders in one batch. */
  maxSize: number;
  /** The most order lines in one batch (a bigger order alone still makes a batch). */
  maxLines: number;
  /** Batches written at once before new orders wait for one of them (or the window). */
  maxInFlight: number;
}

export const DEFAULT_GROUP_COMMIT_OPTIONS: GroupCommitOptions = {
  windowMs: 2,
  maxSize: 50,
  maxLines: 5_000,
  maxInFlight: 1,
};

export interface IdempotencyOptions {
  /** An IN_FLIGHT claim older than this is considered abandoned (its process crashed). */
  inFlightTimeoutSeconds: number;
  /** A finished key older than this no longer replays; the key may be used afresh. */
  retentionSeconds: number;
}

export const DEFAULT_IDEMPOTENCY_OPTIONS: IdempotencyOptions = {
  inFlightTimeoutSeconds: 60,
  retentionSeconds: 24 * 3600,
};

export const ORDERING_OPTIONS = Symbol('ORDERING_OPTIONS');
