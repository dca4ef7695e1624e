#!/usr/bin/env node
// Runs every benchmark of lib/bench-list.mjs in sequence with its own (full) defaults (all but the
// ones listed there to run by hand), then prints all their markdown rows together, for docs/benchmarks.md. Each bench is bounded in time and cleans up after itself;
// a failing one is reported and the others still run (exit code 1 if any failed).
// Usage: [DIST=dist] [ONLY=auth-login,orders-load] node bench/run-all.mjs   (other env passes through)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCHES } from './lib/bench-list.mjs';

const only = process.env.ONLY?.split(',').map((name) => name.trim());
const selected = only ? BENCHES.filter((name) => only.includes(name)) : BENCHES;

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    current?.kill(signal); // the bench cleans up and exits; then this runner stops
    process.exitCode = 130;
  });
}

function runOne(name) {
  return new Promise((resolve) => {
    const began = Date.now();
    const script = fileURLToPath(new URL(`${name}.mjs`, import.meta.url));
    current = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    current.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    current.once('exit', (code, signal) => {
      const rows = output.split('\n').filter((line) => line.startsWith('|') || line === '');
      // Keep the tables (and one blank line between them), nothing else.
      const tables = rows
        .join('\n')
        .replace(/\n{2,}/g, '\n\n')
        .trim();
      resolve({ name, code: code ?? signal, seconds: Math.round((Date.now() - began) / 1000), tables });
    });
  });
}

const results = [];
for (const name of selected) {
  console.log(`\n===== bench/${name}.mjs`);
  results.push(await runOne(name));
  if (process.exitCode === 130) break;
}

console.log('\n===== all results\n');
for (const { name, code, seconds, tables } of results) {
  console.log(`### ${name} (${code === 0 ? 'ok' : `FAILED: exit ${code}`}, ${seconds} s)\n`);
  if (tables) console.log(`${tables}\n`);
}
if (results.some(({ code }) => code !== 0)) process.exitCode ||= 1;
