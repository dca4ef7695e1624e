// Steady store traffic for `npm run compose:ha-test`, through the gateway's 127.0.0.1 ports:
// customers order (every logical order with its own Idempotency-Key, retried with the same key
// until acknowledged), couriers pick up, customers confirm delivery, one courier shares its
// position with its customer, and ~200 sockets listen. Every request is logged with its times, so
// a fault's failures and recovery are read from the log afterwards.
import { randomUUID } from 'node:crypto';
import { call } from '../../scripts/lib/http-client.mjs';
import { sleep } from '../../scripts/lib/ports.mjs';
import { RealtimeListener } from '../../scripts/lib/realtime-listener.mjs';
import { signToken } from '../../scripts/lib/tokens.mjs';

const RETRY_FOR_MS = 90_000;
/** Logical order k orders Apple × (k mod 97 + 1) and Pear × (⌊k / 97⌋ + 1): its items identify it. */
const SIGNATURE_BASE = 97;

export function orderSignature(k, { apple, pear }) {
  return [{ id: apple, quantity: (k % SIGNATURE_BASE) + 1 }, { id: pear, quantity: Math.floor(k / SIGNATURE_BASE) + 1 }];
}

export class HaTraffic {
  constructor(urls, secret, products, { customers = 180, couriers = 20, orderLoops = 3, pickers = 3, thinkMs = 150 } = {}) {
    this.urls = urls;
    this.products = products;
    this.options = { orderLoops, pickers, thinkMs };
    const stamp = Date.now();
    const actor = (role, i) => {
      const email = `ha-${role}-${i}-${stamp}@example.org`;
      return { email, token: signToken(email, role, secret) };
    };
    this.customers = Array.from({ length: customers }, (_, i) => actor('customer', i));
    this.couriers = Array.from({ length: couriers }, (_, i) => actor('courier', i));
    this.tracking = { customer: actor('customer', 'tracking'), courier: actor('courier', 'tracking') };
    this.log = []; // { kind, started, ended, status, error }
    this.logical = []; // { k, customer, key, acked: [ids answered 200] }
    this.positions = []; // { sent, ok, delivered }
    this.probeOrders = []; // ids acknowledged to the faults' write probes
    this.toDeliver = [];
    this.nextK = 0;
    this.paused = false;
    this.stopped = false;
    this.busy = 0;
  }

  async request(kind, method, url, options) {
    const started = Date.now();
    const response = await call(method, url, { timeoutMs: 10_000, ...options });
    this.log.push({ kind, started, ended: Date.now(), status: response.status, error: response.error });
    return response;
  }

  /** The tracking order (picked up before anything else, so only the tracking courier has it), then the sockets. */
  async start() {
    const { customer, courier } = this.tracking;
    const placed = await call('POST', `${this.urls.customer}/order`, { token: customer.token, body: { requests: [{ id: this.products.milk, quantity: 1 }] } });
    const picked = await call('POST', `${this.urls.courier}/pick_up_order`, { token: courier.token, body: { id: placed.body?.id } });
    if (placed.status !== 200 || picked.status !== 200) throw new Error(`tracking order: ${placed.status} ${placed.text}, pick-up ${picked.status} ${picked.text}`);
    this.trackingOrder = placed.body.id;
    const listen = (actor) => new RealtimeListener(this.urls.realtime, actor.token, actor.email);
    this.customerListeners = new Map([...this.customers, customer].map((a) => [a.email, listen(a)]));
    this.courierListeners = [...this.couriers, courier].map(listen);
    const all = [...this.customerListeners.values(), ...this.courierListeners];
    await Promise.all(all.map((listener) => listener.waitReady(60_000)));
    this.customerListeners.get(customer.email).socket.on('order.courier_location', (payload) => {
      const sent = this.positions.find((p) => p.at === payload.at);
      if (sent && !sent.delivered) sent.delivered = Date.now();
    });
    this.loops = [
      ...Array.from({ length: this.options.orderLoops }, () => this.orderLoop()),
      ...Array.from({ length: this.options.pickers }, (_, i) => this.pickLoop(this.couriers[i])),
      this.deliverLoop(),
      this.positionLoop(),
    ];
    return all.length;
  }

  get listeners() {
    return [...this.customerListeners.values(), ...this.courierListeners];
  }

  /** Waits while paused, then runs one action (an order with its retries, a pick-up, ...). */
  async unit(action) {
    while (this.paused && !this.stopped) await sleep(100);
    this.busy++;
    try {
      await action();
    } finally {
      this.busy--;
    }
  }

  async orderLoop() {
    while (!this.stopped) {
      await this.unit(() => this.placeOne());
      await sleep(this.options.thinkMs);
    }
  }

  async placeOne() {
    const k = this.nextK++;
    const customer = this.customers[k % this.customers.length];
    const order = { k, customer: customer.email, key: randomUUID(), acked: [] };
    this.logical.push(order);
    const began = Date.now();
    // The same key on every attempt: a retry after a lost answer must not order twice.
    while (!this.stopped && Date.now() - began < RETRY_FOR_MS) {
      const response = await this.request('order', 'POST', `${this.urls.customer}/order`, {
        token: customer.token,
        headers: { 'idempotency-key': order.key },
        body: { requests: orderSignature(k, this.products) },
      });
      if (response.status === 200) {
        order.acked.push(response.body.id);
        break;
      }
      if (response.status === 400 || response.status === 422) break; // a bug: the audit shows it
      await sleep(200);
    }
  }

  async pickLoop(courier) {
    while (!this.stopped) {
      await this.unit(() => this.pickOne(courier));
      await sleep(this.options.thinkMs * 2);
    }
  }

  async pickOne(courier) {
    const board = await this.request('board', 'GET', `${this.urls.courier}/orders_to_deliver`, { token: courier.token });
    const candidates = board.status === 200 ? board.body.orders.filter((o) => o.id !== this.trackingOrder) : [];
    if (candidates.length > 0) {
      const pick = candidates[Math.floor(Math.random() * Math.min(candidates.length, 5))];
      const picked = await this.request('pick-up', 'POST', `${this.urls.courier}/pick_up_order`, { token: courier.token, body: { id: pick.id } });
      if (picked.status === 200) this.toDeliver.push(pick);
    }
  }

  async deliverLoop() {
    const tokens = new Map(this.customers.map((c) => [c.email.toLowerCase(), c.token]));
    while (!this.stopped) {
      const order = this.toDeliver.shift();
      if (!order) {
        await sleep(100);
        continue;
      }
      await this.unit(async () => {
        const token = tokens.get(order.email.toLowerCase());
        if (!token) return; // not one of this traffic's customers
        const done = await this.request('delivered', 'POST', `${this.urls.customer}/delivered`, { token, body: { id: order.id } });
        if (done.status !== 200 && done.status !== 400) this.toDeliver.push(order); // try again later
      });
    }
  }

  /** One report a second (the rate gate's interval) from the tracking courier, acked by the server. */
  async positionLoop() {
    const courier = this.courierListeners.at(-1).socket;
    let step = 0;
    while (!this.stopped) {
      const at = Date.now();
      const entry = { sent: at, at, ok: false, delivered: undefined };
      this.positions.push(entry);
      const report = { lat: 48.85 + (step++ % 100) / 10_000, lng: 2.35, at };
      courier.timeout(2000).emit('courier.location', report, (error, ack) => {
        entry.ok = !error && ack?.ok === true;
        entry.outcome = error ? 'no ack' : ack?.ok ? 'ok' : ack?.error;
      });
      await sleep(1050);
    }
  }

  /** Stops new actions and waits for those in flight: the database then holds still for the audit. */
  async pause() {
    this.paused = true;
    while (this.busy > 0) await sleep(50);
  }

  resume() {
    this.paused = false;
  }

  async stop() {
    this.stopped = true;
    await Promise.all(this.loops ?? []);
    for (const listener of this.listeners ?? []) listener.close();
  }
}
