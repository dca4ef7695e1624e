// One request per store endpoint, for watching how each behaves while a dependency is down and
// how long each takes to answer 200 again once it is back.
import { call } from '../../scripts/lib/http-client.mjs';
import { signToken } from '../../scripts/lib/tokens.mjs';

/**
 * The probes of the store endpoints, each `{name, send()}`. The write probes use requests that
 * would succeed with the database up (`productId` exists) or fail with a contract 400
 * (`pick_up_order`/`delivered` of an order that cannot move), never a 5xx.
 */
export function storeEndpointProbes(apps, { productId }) {
  const customer = signToken('probe-customer@chaos.example', 'customer');
  const courier = signToken('probe-courier@chaos.example', 'courier');
  const owner = signToken('onlymoney@gmail.com', 'owner');
  const probe = (name, app, method, path, token, body) => ({
    name,
    kind: path === '/health/ready' ? 'health' : 'api',
    // /search answers from its in-memory catalogue snapshot, which may outlive the database.
    mayServeFromMemory: path.startsWith('/search'),
    send: () => call(method, `${app.url}${path}`, { token, body, timeoutMs: 15_000 }),
  });
  return [
    probe('POST /order', apps.customer, 'POST', '/order', customer, { requests: [{ id: productId, quantity: 1 }] }),
    probe('GET /status', apps.customer, 'GET', '/status', customer),
    probe('POST /delivered', apps.customer, 'POST', '/delivered', customer, { id: 1 }),
    probe('GET /search', apps.customer, 'GET', '/search?name=Chaos', customer),
    probe('GET /orders_to_deliver', apps.courier, 'GET', '/orders_to_deliver', courier),
    probe('POST /pick_up_order', apps.courier, 'POST', '/pick_up_order', courier, { id: 1 }),
    probe('GET /product_statistics', apps.owner, 'GET', '/product_statistics', owner),
    probe('GET /category_statistics', apps.owner, 'GET', '/category_statistics', owner),
    ...['customer', 'courier', 'owner', 'realtime', 'worker'].map((name) =>
      probe(`${name} /health/ready`, apps[name], 'GET', '/health/ready'),
    ),
  ];
}

/**
 * What a probe may answer while the database is down: an API endpoint 503 with exactly
 * `{"message": "..."}` (contract §8; /search may still serve from memory), a health check 503.
 */
export function acceptableDuringOutage(probe, response) {
  if (probe.mayServeFromMemory && response.status === 200) return true;
  if (response.status !== 503) return false;
  if (probe.kind === 'health') return true;
  const body = response.body;
  return (
    typeof body === 'object' &&
    body !== null &&
    Object.keys(body).join() === 'message' &&
    typeof body.message === 'string'
  );
}
