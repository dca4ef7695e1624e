import { StoreSchema1764374400000 } from './1764374400000-store-schema.js';
import { IdempotencyKeys1764460800000 } from './1764460800000-idempotency-keys.js';
import { StatisticsAggregates1764547200000 } from './1764547200000-statistics-aggregates.js';
import { PushSubscriptions1764633600000 } from './1764633600000-push-subscriptions.js';

/** Every store migration, in order. Listed explicitly: no glob discovery. Append new ones here. */
export const storeMigrations = [
  StoreSchema1764374400000,
  IdempotencyKeys1764460800000,
  StatisticsAggregates1764547200000,
  PushSubscriptions1764633600000,
];
