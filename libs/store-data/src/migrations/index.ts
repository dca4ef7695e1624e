import { StoreSchema1764374400000 } from './1764374400000-store-schema.js';
import { IdempotencyKeys1764460800000 } from './1764460800000-idempotency-keys.js';
import { StatisticsAggregates1764547200000 } from './1764547200000-statistics-aggregates.js';
import { DeliveryLocation1764633600000 } from './1764633600000-delivery-location.js';
import { PushSubscriptions1764720000000 } from './1764720000000-push-subscriptions.js';
import { StoreEpoch1764763200000 } from './1764763200000-store-epoch.js';
import { AccountIncarnations1765000000001 } from './1765000000001-account-incarnations.js';
import { OrderDeliveryAddresses1765100000000 } from './1765100000000-order-delivery-addresses.js';
import { ProductSaleState1765200000000 } from './1765200000000-product-sale-state.js';
import { RevenueAggregates1765200050000 } from './1765200050000-revenue-aggregates.js';

/** Every store migration, in order. Listed explicitly: no glob discovery. Append new ones here. */
export const storeMigrations = [
  StoreSchema1764374400000,
  IdempotencyKeys1764460800000,
  StatisticsAggregates1764547200000,
  DeliveryLocation1764633600000,
  PushSubscriptions1764720000000,
  StoreEpoch1764763200000,
  AccountIncarnations1765000000001,
  OrderDeliveryAddresses1765100000000,
  ProductSaleState1765200000000,
  RevenueAggregates1765200050000,
];
