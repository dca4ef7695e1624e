// The end of a store scenario (customers, couriers and their realtime clients on the whole store
// stack): once the streams and the worker have caught up, what every client saw, the owner
// statistics and the worker's aggregates are compared with the database, and the verdict records
// the checks the scenarios share (the realtime ones are `checkRealtimeStreams`).
import { serviceClient } from '../../scripts/lib/http-client.mjs';
import { auditIntegrity, checkNothingHalfWritten } from './order-audit.mjs';
import { auditStreams, waitForStreams } from '../../scripts/lib/realtime-listener.mjs';
import { auditAggregates, auditStatisticsApi } from '../../scripts/lib/statistics-audit.mjs';
import { readOrderEvents } from '../../scripts/lib/store-database.mjs';
import { auditTrafficModel } from './store-traffic.mjs';
import { signToken } from '../../scripts/lib/tokens.mjs';

/** Waits (bounded) until every one of `clients` has every event of order_events; returns ms or null. */
export function waitForStoreStreams(db, clients, timeoutMs) {
  return waitForStreams(clients.customers, clients.couriers, () => readOrderEvents(db), timeoutMs);
}

/**
 * `store` (from `readOrders`) against the realtime `clients` (from `connectRealtimeClients`), the
 * owner statistics API of `apps` and the worker's aggregates (both against the brute force), the
 * `traffic` model, and its own integrity. Returns the findings for the checks below.
 */
export async function auditStoreInvariants({ db, apps, store, clients, traffic }) {
  const streams = auditStreams(clients.customers, clients.couriers, store.events);
  const owner = serviceClient(apps.owner.url);
  const ownerToken = signToken('onlymoney@gmail.com', 'owner');
  const productStatistics = await owner.get('/product_statistics', { token: ownerToken });
  const categoryStatistics = await owner.get('/category_statistics', { token: ownerToken });
  const statisticsProblems = await auditStatisticsApi(db, productStatistics.body, categoryStatistics.body);
  const aggregateProblems = await auditAggregates(db);
  const integrity = auditIntegrity(store);
  const model = auditTrafficModel(traffic, store);
  return {
    streams,
    productStatisticsStatus: productStatistics.status,
    statisticsProblems,
    aggregateProblems,
    integrity,
    model,
  };
}

/**
 * The worker caught up (`workerCaughtUp`) and its aggregates equal the brute force (`workerCheck`
 * names the check), so do the owner statistics (with `requireOwner200`, answered 200 too), the
 * orders are stored as acknowledged and nothing is half-written.
 */
export function checkStoreInvariants(verdict, audit, { workerCheck, workerCaughtUp, requireOwner200 = false }) {
  verdict.check(
    workerCheck,
    workerCaughtUp && audit.aggregateProblems.length === 0,
    audit.aggregateProblems.slice(0, 5).join('; '),
  );
  verdict.check(
    'owner statistics equal the brute force',
    (!requireOwner200 || audit.productStatisticsStatus === 200) && audit.statisticsProblems.length === 0,
    audit.statisticsProblems.join('; '),
  );
  verdict.check(
    'orders stored as acknowledged',
    audit.model.problems.length === 0,
    audit.model.problems.slice(0, 5).join('; '),
  );
  checkNothingHalfWritten(verdict, audit.integrity);
}
