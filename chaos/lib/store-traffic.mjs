// Customers and couriers acting on the store over HTTP, each in its own loop with a think time:
// customers place orders and confirm deliveries of their picked-up orders; couriers read the
// board and pick up orders. Keeps the client-side model of every order (what the API answered)
// and per-phase latencies and statuses, for comparison with the database at the end.
import { serviceClient } from '../../scripts/lib/http-client.mjs';
import { randomOrderRequests } from './order-requests.mjs';
import { sleep } from '../../scripts/lib/ports.mjs';
import { signToken } from '../../scripts/lib/tokens.mjs';

export class StoreTraffic {
  constructor({ customerUrl, courierUrl, products, customers, couriers, random, thinkMs, courierThinkMs = thinkMs }) {
    this.customer = serviceClient(customerUrl);
    this.courier = serviceClient(courierUrl);
    this.products = products;
    this.customers = customers.map((email) => ({ email, token: signToken(email, 'customer'), orderIds: [] }));
    this.couriers = couriers.map((email) => ({ email, token: signToken(email, 'courier') }));
    this.random = random;
    this.thinkMs = thinkMs;
    this.courierThinkMs = courierThinkMs;
    this.phase = 'start';
    /** Order id → {email, status, uncertain, requests}: what the API acknowledged. */
    this.orders = new Map();
    /** Placements with no answer (transport error, 5xx): they may or may not have committed. */
    this.ambiguousPlacements = [];
    /** Deliveries refused although the model says PENDING (a bug unless the order is uncertain). */
    this.refusedDeliveries = 0;
    /**
     * Pick-up answers for orders whose placement answer had not reached its customer yet: the
     * order is on the board as soon as it commits, which can be before its POST /order returns.
     */
    this.earlyPickUps = new Map();
    this.results = {};
  }

  /** Traffic on the customer and courier apps of a store stack (`startStoreStack`). */
  static onStack(apps, options) {
    return new StoreTraffic({ customerUrl: apps.customer.url, courierUrl: apps.courier.url, ...options });
  }

  /** Runs every actor until `durationMs` has passed (or `stop()`); resolves when all have stopped. */
  async run(durationMs) {
    const until = Date.now() + durationMs;
    await Promise.all([
      ...this.customers.map((actor) => this.loop(until, this.thinkMs, () => this.customerStep(actor))),
      ...this.couriers.map((actor) => this.loop(until, this.courierThinkMs, () => this.courierStep(actor))),
    ]);
  }

  async loop(until, thinkMs, step) {
    // Start spread over one think time so that the actors do not move in lockstep.
    await sleep(this.random() * thinkMs);
    while (Date.now() < until) {
      await step();
      await sleep(thinkMs * (0.5 + this.random()));
    }
  }

  record(endpoint, response) {
    const key = `${this.phase} ${endpoint}`;
    const entry = (this.results[key] ??= { statuses: {}, okMs: [], allMs: [] });
    const status = response.status || response.error;
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    entry.allMs.push(response.ms);
    if (response.status === 200) entry.okMs.push(response.ms);
    return response;
  }

  async customerStep(actor) {
    const pending = actor.orderIds.filter((id) => {
      const order = this.orders.get(id);
      return order.status === 'PENDING' && !order.uncertain;
    });
    if (pending.length > 0 && this.random() < 0.6) {
      const id = pending[Math.floor(this.random() * pending.length)];
      const order = this.orders.get(id);
      const response = this.record(
        'POST /delivered',
        await this.customer.post('/delivered', { id }, { token: actor.token }),
      );
      if (response.status === 200) order.status = 'COMPLETE';
      else if (response.status === 400) this.refusedDeliveries++;
      else order.uncertain = true;
      return;
    }
    const requests = randomOrderRequests(this.random, this.products);
    const response = this.record(
      'POST /order',
      await this.customer.post('/order', { requests }, { token: actor.token }),
    );
    if (response.status === 200) {
      const { id } = response.body;
      const early = this.earlyPickUps.get(id);
      this.earlyPickUps.delete(id);
      this.orders.set(id, {
        email: actor.email,
        status: early === 200 ? 'PENDING' : 'CREATED',
        uncertain: early !== undefined && early !== 200 && early !== 400,
        requests,
      });
      actor.orderIds.push(id);
    } else if (response.status === 0 || response.status >= 500) {
      this.ambiguousPlacements.push({ email: actor.email, requests, status: response.status || response.error });
    }
  }

  async courierStep(actor) {
    const board = this.record(
      'GET /orders_to_deliver',
      await this.courier.get('/orders_to_deliver', { token: actor.token }),
    );
    const candidates = board.status === 200 ? board.body.orders.slice(0, 20) : [];
    if (candidates.length === 0) return;
    const { id } = candidates[Math.floor(this.random() * candidates.length)];
    const response = this.record(
      'POST /pick_up_order',
      await this.courier.post('/pick_up_order', { id }, { token: actor.token }),
    );
    const order = this.orders.get(id);
    if (!order) {
      // Its placement answer is still on the way (or was lost): apply this one when it arrives.
      // Several couriers may race for it: the one 200 decides, the others' 400s do not.
      if (this.earlyPickUps.get(id) !== 200) this.earlyPickUps.set(id, response.status);
      return;
    }
    if (response.status === 200) order.status = 'PENDING';
    else if (response.status !== 400) order.uncertain = true;
  }

  /** Per phase and endpoint: statuses and latency of all answers and of the 200s. */
  summary(latencySummary) {
    return Object.fromEntries(
      Object.entries(this.results).map(([key, entry]) => [
        key,
        { statuses: entry.statuses, all: latencySummary(entry.allMs), ok: latencySummary(entry.okMs) },
      ]),
    );
  }
}

/**
 * The model against the database: every acknowledged order is stored for its customer with the
 * status the API last acknowledged (or, after an unanswered transition, the one before or after),
 * and the only unknown orders are placements whose answer was lost.
 */
export function auditTrafficModel(traffic, { orders }) {
  const problems = [];
  const NEXT = { CREATED: 'PENDING', PENDING: 'COMPLETE', COMPLETE: 'COMPLETE' };
  for (const [id, model] of traffic.orders) {
    const stored = orders.get(id);
    if (!stored) {
      problems.push(`acknowledged order ${id} not found`);
      continue;
    }
    if (stored.customer_email.toLowerCase() !== model.email.toLowerCase()) problems.push(`order ${id}: other customer`);
    const allowed = model.uncertain ? [model.status, NEXT[model.status]] : [model.status];
    if (!allowed.includes(stored.status))
      problems.push(`order ${id}: stored ${stored.status}, acknowledged ${model.status}`);
  }
  const unknown = [...orders.keys()].filter((id) => !traffic.orders.has(id)).length;
  if (unknown > traffic.ambiguousPlacements.length) {
    problems.push(`${unknown} orders nobody was told about, only ${traffic.ambiguousPlacements.length} answers lost`);
  }
  if (traffic.refusedDeliveries > 0) problems.push(`${traffic.refusedDeliveries} deliveries of PENDING orders refused`);
  return { problems, unknown };
}

/**
 * The verdict check that the traffic of a `summary()` (only the keys of `phase` when given) got
 * no status but `allowed`, a courier's lost pick-up race (400) excepted. The detail lists the
 * others as `key status×count` (`key status` without `counts`).
 */
export function checkTrafficStatuses(verdict, description, summary, { phase, allowed = ['200'], counts = true } = {}) {
  const unexpected = Object.entries(summary)
    .filter(([key]) => phase === undefined || key.startsWith(phase))
    .flatMap(([key, entry]) =>
      Object.entries(entry.statuses)
        .filter(([status]) => !allowed.includes(status) && !(status === '400' && key.endsWith('pick_up_order')))
        .map(([status, n]) => (counts ? `${key} ${status}×${n}` : `${key} ${status}`)),
    );
  verdict.check(description, unexpected.length === 0, unexpected.join(', '));
}
