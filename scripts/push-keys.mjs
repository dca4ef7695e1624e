#!/usr/bin/env node
// `npm run push:keys`: prints a fresh VAPID key pair (RFC 8292, P-256) as environment lines.
// VAPID_PRIVATE_KEY is a secret (store it like JWT_SECRET); VAPID_PUBLIC_KEY is given to browsers.
// Changing the pair invalidates every existing browser subscription.
import webPush from 'web-push';

const { publicKey, privateKey } = webPush.generateVAPIDKeys();
process.stdout.write(
  `VAPID_PUBLIC_KEY=${publicKey}\nVAPID_PRIVATE_KEY=${privateKey}\nVAPID_SUBJECT=mailto:ops@example.com\n`,
);
