// Scale-out: two customer and two realtime replicas behind the gateway. An order committed through
// one customer replica reaches sockets on both realtime replicas (each tails the database, ADR 0003).
import { call } from '../../scripts/lib/http-client.mjs';
import { waitFor } from '../../scripts/lib/ports.mjs';
import { RealtimeListener } from '../../scripts/lib/realtime-listener.mjs';
import { registerAndLogin } from './contract.mjs';

export async function checkScaleOut(verdict, stack, state) {
  await stack.compose(['up', '-d', '--scale', 'customer=2', '--scale', 'realtime=2']);
  const ms = await stack.waitHealthy();
  verdict.note('time to healthy after scaling to 2+2 (s)', (ms / 1000).toFixed(0));
  const customers = await stack.containers('customer');
  const realtimes = await stack.containers('realtime');
  verdict.check('--scale customer=2 --scale realtime=2: two healthy replicas each', customers.length === 2 && realtimes.length === 2, `${customers.length}, ${realtimes.length}`);
  if (customers.length < 2 || realtimes.length < 2) return;

  // Replicas are addressed directly on the project's edge network, so which one serves is known.
  const email = `scale-${Date.now()}@example.org`;
  const token = await registerAndLogin(stack.urls, 'customer', email);
  const sockets = await Promise.all(realtimes.map(async (id, i) => {
    const listener = new RealtimeListener(`http://${await stack.address(id, 'edge')}:5004`, token, `realtime-${i + 1}`);
    await listener.waitReady();
    return listener;
  }));
  const apple = state.products[0].id;
  for (const [i, id] of customers.entries()) {
    const url = `http://${await stack.address(id, 'edge')}:5002`;
    const order = await call('POST', `${url}/order`, { token, body: { requests: [{ id: apple, quantity: 1 }] } });
    const orderId = order.body?.id;
    const other = sockets[(i + 1) % 2];
    const seen = await waitFor('the event on the other realtime replica', () => [...other.events.values()].some((e) => e.orderId === orderId), { timeoutMs: 15_000 }).catch(() => false);
    verdict.check(`order through customer replica ${i + 1} reaches a socket on realtime replica ${((i + 1) % 2) + 1}`, order.status === 200 && seen, `order ${order.status} ${orderId}`);
  }
  for (const socket of sockets) socket.close();
  const viaGateway = await call('GET', `${stack.urls.customer}/search?name=Apple`, { token });
  verdict.check('the gateway still serves the scaled customer service', viaGateway.status === 200 && viaGateway.body.products.length === 1);
}
