// Invariants over the store as written: what the clients were told must be exactly what the
// database holds, and nothing may be half-written.

const HISTORY = { CREATED: ['CREATED'], PENDING: ['CREATED', 'PENDING'], COMPLETE: ['CREATED', 'PENDING', 'COMPLETE'] };

/** `[{id, quantity}]` requests → Map(productId → summed quantity), as the contract merges them. */
export function mergedItems(requests) {
  const merged = new Map();
  for (const { id, quantity } of requests) merged.set(id, (merged.get(id) ?? 0) + quantity);
  return merged;
}

function itemsMatch(order, requests, prices) {
  const expected = mergedItems(requests);
  if (order.items.length !== expected.size) return false;
  return order.items.every(
    (item) =>
      expected.get(item.product_id) === Number(item.quantity) && prices.get(item.product_id) === item.unit_price,
  );
}

/**
 * Structural integrity of every order: has items, a total equal to Σ price × quantity, and an
 * event history that is exactly the path to its status (one CREATED, then PENDING, COMPLETE), with
 * the emails copied from the order; no event or item without its order.
 */
export function auditIntegrity({ orders, orphans }) {
  const problems = [];
  for (const order of orders.values()) {
    if (order.items.length === 0) problems.push(`order ${order.id} has no items`);
    const total = order.items.reduce((sum, item) => sum + item.unit_price * Number(item.quantity), 0);
    if (Math.abs(total - order.total) > 1e-6 * Math.max(1, total))
      problems.push(`order ${order.id} total ${order.total} ≠ ${total}`);
    const history = order.events.map((event) => event.status).join(',');
    if (history !== HISTORY[order.status].join(',')) {
      problems.push(`order ${order.id} is ${order.status} with events [${history}]`);
    }
    for (const event of order.events) {
      if (event.customerEmail.toLowerCase() !== order.customer_email.toLowerCase()) {
        problems.push(`event ${event.id} names another customer than order ${order.id}`);
      }
    }
  }
  if (orphans.items > 0) problems.push(`${orphans.items} order items without an order`);
  if (orphans.events > 0) problems.push(`${orphans.events} order events without an order`);
  return problems;
}

/**
 * What the clients were told against what is stored. `attempts` are logical orders, each with a
 * unique customer email: `{email, requests, acknowledgedId?}`. An acknowledged order must exist
 * exactly once, under the id it was answered with, with the items sent; an unacknowledged one may
 * exist at most once (the answer can be lost after COMMIT), and only whole (auditIntegrity).
 */
export function auditAttempts(attempts, { orders }, prices) {
  const byEmail = new Map();
  for (const order of orders.values()) {
    const email = order.customer_email.toLowerCase();
    byEmail.set(email, [...(byEmail.get(email) ?? []), order]);
  }
  const problems = [];
  let found = 0;
  let unacknowledgedFound = 0;
  for (const attempt of attempts) {
    const stored = byEmail.get(attempt.email.toLowerCase()) ?? [];
    if (stored.length > 1) problems.push(`${attempt.email}: ${stored.length} orders for one logical order`);
    if (attempt.acknowledgedId === undefined) {
      unacknowledgedFound += stored.length;
    } else if (stored.length === 0) {
      problems.push(`${attempt.email}: acknowledged order ${attempt.acknowledgedId} not found`);
    } else if (stored[0].id !== attempt.acknowledgedId) {
      problems.push(`${attempt.email}: acknowledged id ${attempt.acknowledgedId} but stored as ${stored[0].id}`);
    } else found++;
    for (const order of stored) {
      if (!itemsMatch(order, attempt.requests, prices))
        problems.push(`order ${order.id}: items differ from the request`);
    }
  }
  const placed = new Set(attempts.map((attempt) => attempt.email.toLowerCase()));
  const strangers = [...byEmail.keys()].filter((email) => !placed.has(email));
  if (strangers.length > 0) problems.push(`${strangers.length} orders nobody placed`);
  return { problems, found, unacknowledgedFound };
}

/** The verdict check on `auditIntegrity`'s problems (the first five are shown). */
export function checkNothingHalfWritten(verdict, integrityProblems) {
  verdict.check(
    'no half-written order, orphan item or orphan event',
    integrityProblems.length === 0,
    integrityProblems.slice(0, 5).join('; '),
  );
}
