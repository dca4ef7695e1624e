#!/usr/bin/env node
// `npm run push:keys`: prints a fresh VAPID key pair (RFC 8292, P-256) as environment lines.
// VAPID_PRIVATE_KEY is a secret (store it like JWT_SECRET); VAPID_PUBLIC_KEY is given to browsers.
// Changing the pair invalidates every existing browser subscription.
// `npm run setup:env` imports vapidEnv() to put a pair into a new .env.
import { pathToFileURL } from 'node:url';
import webPush from 'web-push';

/** A fresh VAPID pair and a subject, as environment variables. */
export function vapidEnv(subject = 'mailto:ops@example.com') {
  const { publicKey, privateKey } = webPush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lines = Object.entries(vapidEnv()).map(([name, value]) => `${name}=${value}\n`);
  process.stdout.write(lines.join(''));
}
