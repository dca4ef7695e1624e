// The contract's worked example (store-api.md §7) through the published ports, one order event
// over Socket.IO through the gateway, and the realtime web page.
/* global FormData, Blob */
import { call } from '../../scripts/lib/http-client.mjs';
import { RealtimeListener } from '../../scripts/lib/realtime-listener.mjs';
import { waitFor } from '../../scripts/lib/ports.mjs';

export const OWNER = { email: 'onlymoney@gmail.com', password: 'evenmoremoney' };
const CATALOGUE = 'Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2';

export async function login(urls, email, password) {
  const response = await call('POST', `${urls.auth}/login`, { body: { email, password } });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${response.text ?? response.error}`);
  return response.body.accessToken;
}

export async function registerAndLogin(urls, role, email) {
  const password = 'compose-test-password';
  const body = { forename: 'Compose', surname: 'Test', email, password };
  const registered = await call('POST', `${urls.auth}/register_${role}`, { body });
  if (registered.status !== 200) throw new Error(`register ${email}: ${registered.status} ${registered.text}`);
  return login(urls, email, password);
}

async function upload(url, token, text) {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'catalogue.csv');
  const response = await fetch(`${url}/update`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, text: await response.text() };
}

const sortedNames = (list) => list.map((x) => x.name ?? x).sort();
/** Statistics entries in name order: the contract leaves their order unspecified. */
const byProductName = (body) => [...(body?.statistics ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Runs §7 step by step; each step is a check. Returns what later checks build on. */
export async function workedExample(verdict, urls) {
  const ownerToken = await login(urls, OWNER.email, OWNER.password);
  verdict.check('§7.1 owner logs in and uploads the example catalogue', (await upload(urls.owner, ownerToken, CATALOGUE)).status === 200);

  const customer = `customer-${Date.now()}@example.org`;
  const customerToken = await registerAndLogin(urls, 'customer', customer);
  const byName = await call('GET', `${urls.customer}/search?name=e`, { token: customerToken });
  const products = Object.fromEntries((byName.body?.products ?? []).map((p) => [p.name, p]));
  verdict.check(
    '§7.2 search name=e: Apple, Pear; categories Fruit, Organic',
    byName.status === 200 &&
      same(sortedNames(byName.body.products), ['Apple', 'Pear']) &&
      same(byName.body.categories.sort(), ['Fruit', 'Organic']) &&
      same(products.Apple.categories.sort(), ['Fruit', 'Organic']) &&
      same(products.Pear.categories, ['Fruit']),
    byName.text,
  );
  const dairy = await call('GET', `${urls.customer}/search?category=Dai`, { token: customerToken });
  const milk = dairy.body?.products?.[0];
  verdict.check(
    '§7.2 search category=Dai: Milk only',
    dairy.status === 200 && dairy.body.products.length === 1 && milk.name === 'Milk' && same(milk.categories, ['Dairy']),
    dairy.text,
  );

  // A live customer socket through the gateway before the order is placed.
  const listener = new RealtimeListener(urls.realtime, customerToken, customer);
  await listener.waitReady();
  const order = await call('POST', `${urls.customer}/order`, {
    token: customerToken,
    body: { requests: [{ id: products.Apple.id, quantity: 4 }, { id: milk.id, quantity: 1 }] },
  });
  const orderId = order.body?.id;
  verdict.check('§7.3 order Apple×4 + Milk×1 → {"id": k}', order.status === 200 && Number.isInteger(orderId) && orderId > 0, order.text);
  const status = await call('GET', `${urls.customer}/status`, { token: customerToken });
  const placed = status.body?.orders ?? [];
  verdict.check('§7.3 /status: one CREATED order, price 7.0', placed.length === 1 && placed[0].status === 'CREATED' && Math.abs(placed[0].price - 7) < 1e-9, status.text);
  const event = await waitFor('order.status CREATED', () => [...listener.events.values()].find((e) => e.orderId === orderId), { timeoutMs: 15_000 }).catch(() => undefined);
  verdict.check('order event over Socket.IO (gateway → realtime): order.status CREATED', event?.name === 'order.status' && event.status === 'CREATED');
  listener.close();

  const productStats = await call('GET', `${urls.owner}/product_statistics`, { token: ownerToken });
  verdict.check(
    '§7.4 product statistics: Apple 0/4, Milk 0/1',
    same(byProductName(productStats.body), [{ name: 'Apple', sold: 0, waiting: 4 }, { name: 'Milk', sold: 0, waiting: 1 }]),
    productStats.text,
  );
  const categoryStats = await call('GET', `${urls.owner}/category_statistics`, { token: ownerToken });
  verdict.check('§7.4 category statistics: Dairy, Fruit, Organic', same(categoryStats.body?.statistics, ['Dairy', 'Fruit', 'Organic']), categoryStats.text);

  const courierToken = await registerAndLogin(urls, 'courier', `courier-${Date.now()}@example.org`);
  const toDeliver = await call('GET', `${urls.courier}/orders_to_deliver`, { token: courierToken });
  verdict.check('§7.5 courier sees {id: k, email}', same(toDeliver.body?.orders, [{ id: orderId, email: customer }]), toDeliver.text);
  const pickUp = await call('POST', `${urls.courier}/pick_up_order`, { token: courierToken, body: { id: orderId } });
  const again = await call('POST', `${urls.courier}/pick_up_order`, { token: courierToken, body: { id: orderId } });
  verdict.check('§7.5 pick up → 200; again → 400 Invalid order id.', pickUp.status === 200 && again.status === 400 && again.text.includes('Invalid order id.'), `${pickUp.status} ${again.status} ${again.text}`);

  const delivered = await call('POST', `${urls.customer}/delivered`, { token: customerToken, body: { id: orderId } });
  const categoriesAfter = await call('GET', `${urls.owner}/category_statistics`, { token: ownerToken });
  const productsAfter = await call('GET', `${urls.owner}/product_statistics`, { token: ownerToken });
  verdict.check(
    '§7.6 delivered → 200; categories Fruit, Organic, Dairy; Apple 4/0, Milk 1/0',
    delivered.status === 200 &&
      same(categoriesAfter.body?.statistics, ['Fruit', 'Organic', 'Dairy']) &&
      same(byProductName(productsAfter.body), [{ name: 'Apple', sold: 4, waiting: 0 }, { name: 'Milk', sold: 1, waiting: 0 }]),
    `${delivered.status} ${categoriesAfter.text} ${productsAfter.text}`,
  );

  const page = await fetch(`${urls.realtime}/`).catch((error) => ({ status: 0, error }));
  const html = page.status === 200 ? await page.text() : '';
  verdict.check('web page: GET / on the realtime port is HTML', page.status === 200 && /text\/html/.test(page.headers.get('content-type')) && /<html/i.test(html), `status ${page.status}`);

  return { ownerToken, customer, customerToken, courierToken, products: [products.Apple, products.Pear, milk], orderId };
}

/** What the store and the auth side hold, as a client sees it: compared before and after restarts. */
export async function snapshot(urls, { ownerToken, customerToken }) {
  const [productStats, categoryStats, status] = await Promise.all([
    call('GET', `${urls.owner}/product_statistics`, { token: ownerToken }),
    call('GET', `${urls.owner}/category_statistics`, { token: ownerToken }),
    call('GET', `${urls.customer}/status`, { token: customerToken }),
  ]);
  return JSON.stringify([productStats.body, categoryStats.body, status.body]);
}
