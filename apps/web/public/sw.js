/* global self, atob, caches, Response */
// Service worker of the shopwire web app: shows Web Push notifications (docs/push.md) and, on a
// click, focuses or opens the app on that order. Plain JS served as-is at /sw.js (scope /).
// Payloads: {type: 'orders.new', count, orders: [{orderId, items, total}], from, to} to couriers,
// {type: 'order.status', eventId, orderId, status, items, total} to customers.

/** waitUntil, which only trusted (browser-dispatched) events allow; a test's synthetic click has none. */
function keepAlive(event, promise) {
  try {
    event.waitUntil(promise);
  } catch {
    // untrusted event: the promise still runs
  }
}

const money = (value) => Number(value).toFixed(2);
const summary = (order) => `${order.items} item${order.items === 1 ? '' : 's'} · €${money(order.total)}`;

/** Title, body, tag and target of a payload; null for anything unknown. */
function describe(data) {
  if (data?.type === 'orders.new' && data.orders?.length > 0) {
    const [newest] = data.orders;
    const title = data.count === 1 ? `New order #${newest.orderId}` : `${data.count} new orders`;
    const lines = data.orders.map((order) => `#${order.orderId}: ${summary(order)}`);
    if (data.count > data.orders.length) lines.push(`and ${data.count - data.orders.length} more`);
    return { title, body: lines.join('\n'), tag: 'new-orders', url: `/?order=${newest.orderId}#/board` };
  }
  if (data?.type === 'order.status') {
    const done = data.status === 'COMPLETE';
    return {
      title: `Order #${data.orderId} ${done ? 'delivered' : 'picked up'}`,
      body: `${summary(data)}${done ? '' : ' — on its way'}`,
      tag: `order-${data.orderId}`,
      url: `/?order=${data.orderId}#/orders`,
      eventId: data.eventId,
    };
  }
  return null;
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let data = null;
  try {
    data = event.data?.json() ?? null;
  } catch {
    data = null;
  }
  const note = describe(data);
  if (!note) return;
  event.waitUntil(
    (async () => {
      // Status pushes can arrive out of order: never replace a newer status with an older one.
      if (note.eventId !== undefined) {
        const shown = await self.registration.getNotifications({ tag: note.tag });
        if (shown.some((n) => (n.data?.eventId ?? 0) > note.eventId)) return;
      }
      await self.registration.showNotification(note.title, {
        body: note.body,
        tag: note.tag,
        renotify: true,
        data: { url: note.url, eventId: note.eventId },
      });
    })(),
  );
});

// --- Subscription replaced by the browser or its push service (docs/push.md, ADR 0019) -----------
// The service worker holds no token, so it cannot tell the server itself: it re-subscribes with the key
// the app serves now (/config.json) and leaves the replaced endpoint in Cache Storage; the page,
// signed in, unregisters that endpoint and registers the new subscription when it next opens.
const PUSH_CACHE = 'shopwire-push';
const REPLACED = '/push-replaced';

const keyBytes = (base64url) =>
  Uint8Array.from(atob(base64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const sameKey = (subscription, key) => {
  const bytes = subscription.options?.applicationServerKey;
  if (!bytes) return true; // a browser that does not say is taken at its word (as the page does)
  const mine = keyBytes(key);
  const theirs = new Uint8Array(bytes);
  return theirs.length === mine.length && theirs.every((byte, i) => byte === mine[i]);
};

async function rememberReplaced(endpoint) {
  const cache = await caches.open(PUSH_CACHE);
  const stored = await cache.match(REPLACED);
  const endpoints = stored ? await stored.json().catch(() => []) : [];
  if (!endpoints.includes(endpoint)) endpoints.push(endpoint);
  await cache.put(
    REPLACED,
    new Response(JSON.stringify(endpoints), { headers: { 'content-type': 'application/json' } }),
  );
}

async function resubscribe(oldSubscription, newSubscription) {
  const config = await (await fetch('/config.json', { cache: 'no-store' })).json();
  const key = config?.vapidPublicKey;
  if (!key) return; // push switched off on the server: nothing to subscribe to
  let current = newSubscription ?? (await self.registration.pushManager.getSubscription());
  const replaced = current && current.endpoint === oldSubscription?.endpoint;
  if (current && (replaced || !sameKey(current, key))) {
    // The replaced one is dead; and a browser refuses to subscribe with another key while a
    // subscription exists.
    await current.unsubscribe();
    current = null;
  }
  current ??= await self.registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(key),
  });
  // Chromium passes no oldSubscription: that row is deleted by the worker when the push service
  // answers 404/410 for it.
  if (oldSubscription?.endpoint && oldSubscription.endpoint !== current.endpoint) {
    await rememberReplaced(oldSubscription.endpoint);
  }
}

self.addEventListener('pushsubscriptionchange', (event) => {
  keepAlive(event, resubscribe(event.oldSubscription, event.newSubscription));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/', self.location.origin).href;
  keepAlive(
    event,
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus().catch(() => undefined);
        // A controlled window navigates itself; otherwise ask it (or open a new one).
        const navigated = await open.navigate?.(url).catch(() => null);
        if (navigated) return;
        open.postMessage({ type: 'open-order', url });
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
