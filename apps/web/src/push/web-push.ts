/**
 * The browser side of Web Push (docs/push.md): the service worker, permission, the device's
 * PushSubscription and its registration with the customer/courier service.
 */
import type { Api } from '../shared/api';

export type PushRole = 'customer' | 'courier';

/** unsupported: no service worker / Push API / key; denied: blocked in the browser; on / off: this device. */
export type PushState = 'unsupported' | 'denied' | 'on' | 'off';

export function pushSupported(vapidPublicKey: string | null): boolean {
  return (
    vapidPublicKey !== null &&
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** Registers /sw.js (scope /) once; resolves when it is active. */
export async function serviceWorker(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  return navigator.serviceWorker.ready;
}

export async function currentPushState(vapidPublicKey: string | null): Promise<PushState> {
  if (!pushSupported(vapidPublicKey)) return 'unsupported';
  // Registered whatever the permission: it is what turns a notification click into the order.
  const registration = await serviceWorker();
  if (Notification.permission === 'denied') return 'denied';
  if (Notification.permission !== 'granted') return 'off';
  return (await registration.pushManager.getSubscription()) ? 'on' : 'off';
}

const keyBytes = (base64url: string) => {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

const base64url = (buffer: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * False when the subscription was made with another application server key than the current one
 * (the VAPID pair was rotated): the push service refuses our pushes to it (403). A browser that
 * does not say which key it used is taken at its word.
 */
function madeWithKey(subscription: PushSubscription, vapidPublicKey: string): boolean {
  const key = subscription.options?.applicationServerKey;
  return !key || base64url(key) === vapidPublicKey.replace(/=+$/, '');
}

const subscribeDevice = (registration: ServiceWorkerRegistration, vapidPublicKey: string) =>
  registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) });

/** Asks permission (from a click), subscribes this device and registers it; returns the new state. */
export async function enablePush(api: Api, role: PushRole, vapidPublicKey: string): Promise<PushState> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'off';
  const registration = await serviceWorker();
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !madeWithKey(subscription, vapidPublicKey)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await subscribeDevice(registration, vapidPublicKey);
  await api.push.subscribe(role, subscription.toJSON(), true);
  return 'on';
}

/** Where sw.js leaves the endpoints it replaced on `pushsubscriptionchange` (it has no token). */
const PUSH_CACHE = 'shopwire-push';
const REPLACED = '/push-replaced';

/** The endpoints the service worker replaced since the last open (and forgets them). */
async function takeReplacedEndpoints(): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  const cache = await caches.open(PUSH_CACHE);
  const stored = await cache.match(REPLACED);
  if (!stored) return [];
  await cache.delete(REPLACED);
  const endpoints: unknown = await stored.json().catch(() => []);
  return Array.isArray(endpoints) ? endpoints.filter((e): e is string => typeof e === 'string') : [];
}

/**
 * Each time the app opens (signed in, `state` from currentPushState): the server brought up to
 * date with this device. A subscription made with another VAPID key (a rotation) is replaced by one with the current
 * key; endpoints the service worker replaced meanwhile are unregistered; the device's current
 * subscription is registered again — idempotent on the server (same endpoint: same row, same
 * cursor), and it restores a row the worker deleted after a push service's 403/404/410.
 */
export async function refreshPush(api: Api, role: PushRole, vapidPublicKey: string, state: PushState): Promise<void> {
  if (state === 'unsupported') return;
  const stale = await takeReplacedEndpoints();
  let subscription = state === 'on' ? await (await serviceWorker()).pushManager.getSubscription() : null;
  if (subscription && !madeWithKey(subscription, vapidPublicKey)) {
    stale.push(subscription.endpoint);
    await subscription.unsubscribe();
    subscription = await subscribeDevice(await serviceWorker(), vapidPublicKey);
  }
  for (const endpoint of stale) {
    if (endpoint !== subscription?.endpoint) await api.push.unsubscribe(role, endpoint);
  }
  if (subscription) await api.push.subscribe(role, subscription.toJSON(), true);
}

/** Unregisters this device on the server, then drops the browser subscription. */
export async function disablePush(api: Api, role: PushRole): Promise<PushState> {
  const subscription = await (await serviceWorker()).pushManager.getSubscription();
  if (subscription) {
    await api.push.unsubscribe(role, subscription.endpoint);
    await subscription.unsubscribe();
  }
  return 'off';
}
