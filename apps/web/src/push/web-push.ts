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

/** Asks permission (from a click), subscribes this device and registers it; returns the new state. */
export async function enablePush(api: Api, role: PushRole, vapidPublicKey: string): Promise<PushState> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'off';
  const registration = await serviceWorker();
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(vapidPublicKey),
    }));
  await api.push.subscribe(role, subscription.toJSON(), true);
  return 'on';
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
