#!/usr/bin/env node
// `npm start`: boots every built app as its own process (as they run in production), prefixes
// their output with the app name, and stops them all on Ctrl-C or when one exits.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const APPS = ['auth', 'owner', 'customer', 'courier', 'realtime', 'worker'];
const requested = process.argv.slice(2);
const apps = (requested.length ? requested : APPS).filter((app) => existsSync(`dist/apps/${app}/src/main.js`));
const children = new Map();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 15_000).unref();
}

for (const app of apps) {
  const child = spawn(process.execPath, ['--enable-source-maps', `dist/apps/${app}/src/main.js`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  children.set(app, child);
  const prefix = `[${app}]`.padEnd(11);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(app);
    if (!stopping) {
      console.error(`${prefix} exited (${signal ?? code}); stopping the others`);
      stopAll(code ?? 1);
    } else if (children.size === 0) process.exit(0);
  });
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
console.log(`shopwire: starting ${apps.join(', ')}`);
