#!/usr/bin/env node
// `npm run setup:env`: writes .env from .env.example (both in the current directory) with fresh
// random secrets — JWT_SECRET (48 random bytes), both database passwords, the HA overlay's Galera
// health-check password, the owner's password —
// and a fresh VAPID pair (scripts/push-keys.mjs). Never overwrites an existing .env: it exits 1.
// The owner password is not printed; the message says where it is.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vapidEnv } from './push-keys.mjs';

const random = (bytes) => randomBytes(bytes).toString('base64url');
const target = resolve('.env');
const example = resolve('.env.example');

const values = {
  JWT_SECRET: random(48),
  AUTH_DB_PASSWORD: random(24),
  STORE_DB_PASSWORD: random(24),
  GALERA_CHECK_PASSWORD: random(24),
  OWNER_PASSWORD: random(18),
  ...vapidEnv(),
};

let template;
try {
  template = readFileSync(example, 'utf8');
} catch (error) {
  console.error(`setup:env: cannot read ${example}: ${error.message}`);
  process.exit(1);
}

// Replace the value of each generated variable; everything else (comments, URLs) stays as it is.
const seen = new Set();
const text = template.replace(/^([A-Z0-9_]+)=.*$/gm, (line, name) => {
  if (!(name in values) || (name === 'VAPID_SUBJECT' && !/replace/i.test(line))) return line;
  seen.add(name);
  return `${name}=${values[name]}`;
});
const missing = Object.keys(values).filter((name) => !seen.has(name) && name !== 'VAPID_SUBJECT');
if (missing.length > 0) {
  console.error(`setup:env: ${example} has no line for ${missing.join(', ')}`);
  process.exit(1);
}

try {
  // 'wx': fails if the file exists, atomically — an existing .env (real secrets) is never replaced.
  writeFileSync(target, text, { flag: 'wx', mode: 0o600 });
} catch (error) {
  if (error.code !== 'EEXIST') throw error;
  console.error(`setup:env: ${target} already exists; it was left unchanged. Remove it first to generate a new one.`);
  process.exit(1);
}
const owner = /^OWNER_EMAIL=(.*)$/m.exec(text)?.[1] ?? '(OWNER_EMAIL)';
console.log(`Wrote ${target} with fresh random secrets and a VAPID key pair (readable by you only).`);
console.log(`The owner signs in as ${owner}; the password is the OWNER_PASSWORD line of ${target}.`);
