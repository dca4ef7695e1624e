import { commaList, positiveInt } from '@shopwire/config';

export type PushRole = 'customer' | 'courier';

export const PUSH_SUBSCRIPTIONS_OPTIONS = Symbol('PUSH_SUBSCRIPTIONS_OPTIONS');

export interface PushSubscriptionsOptions {
  role: PushRole;
  /** Hosts (and their subdomains) a subscription endpoint may point at. */
  allowedHosts: readonly string[];
  maxPerAccount: number;
}

/** The push services of Chrome/Edge/Android (FCM), Firefox, Windows and Safari. */
export const DEFAULT_PUSH_ENDPOINT_HOSTS =
  'fcm.googleapis.com,push.services.mozilla.com,notify.windows.com,push.apple.com';

/** Config fields of the apps that serve the subscriptions API (customer, courier). */
export const pushSubscriptionsConfigShape = {
  /** Where subscription endpoints may point: the worker POSTs to them (SSRF guard). */
  PUSH_ENDPOINT_HOSTS: commaList(DEFAULT_PUSH_ENDPOINT_HOSTS),
  /** Devices per account (each browser profile is one). */
  PUSH_MAX_SUBSCRIPTIONS_PER_ACCOUNT: positiveInt(10),
};
