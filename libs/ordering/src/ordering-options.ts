/** What the ordering domain needs from its host app's configuration. */
export interface OrderingOptions {
  /** Redis of the order-events channel, published on after each commit (OrderEventsPublisher). */
  redisUrl: string;
  idempotency?: IdempotencyOptions;
}

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
