#!/usr/bin/env node
// `npm run compose:ha-test` (issue 19, ADR 0022): docker-compose.yml + docker-compose.ha.yml —
// Galera ×3 behind HAProxy, Redis primary + replica + 3 Sentinels, two of every store app — built
// and started like `compose:test`; the contract's worked example through it; then steady traffic
// (orders with Idempotency-Keys, pick-ups, deliveries, ~200 sockets, a courier sharing its
// position) while one part at a time is `docker kill`ed, brought back and checked to rejoin.
// Per fault: acknowledged orders lost, events a socket never received, statistics against a
// recount, seconds until the path answered again, requests that failed. See docs/reliability.md.
import { workedExample } from './contract.mjs';
import { haFaults, injectFault, pathStory, waitUntilWhole } from './ha-faults.mjs';
import { settleAndAudit, storeDatabase } from './ha-audit.mjs';
import { HaTraffic } from './ha-traffic.mjs';
import { runComposeScenario } from './scenario.mjs';
import { SERVICES } from './stack.mjs';

const HA_SERVICES = [...SERVICES, 'galera-1', 'galera-2', 'galera-3', 'redis-replica', 'sentinel-1', 'sentinel-2', 'sentinel-3'];
const env = (name, fallback) => Number(process.env[name] ?? fallback);

await runComposeScenario({
  label: 'compose:ha-test',
  title: 'compose HA test',
  stackOptions: {
    files: ['docker-compose.yml', 'docker-compose.ha.yml'],
    project: process.env.COMPOSE_TEST_PROJECT ?? 'shopwire-ha-test',
    services: HA_SERVICES,
    extraEnv: { GALERA_CHECK_PASSWORD: 24 },
  },
  scenario: async (verdict, stack, step) => {
    const replicas = await Promise.all(['owner', 'customer', 'courier', 'realtime', 'worker'].map(async (s) => (await stack.containers(s)).length));
    verdict.check('two replicas of every store app', replicas.every((n) => n === 2), replicas.join(', '));
    step('contract worked example through the HA stack');
    const state = await workedExample(verdict, stack.urls);
    const [apple, pear, milk] = state.products.map((p) => p.id);
    const db = await storeDatabase(stack);
    const traffic = new HaTraffic(stack.urls, stack.env.JWT_SECRET, { apple, pear, milk }, {
      customers: env('HA_CUSTOMERS', 180),
      couriers: env('HA_COURIERS', 20),
      orderLoops: env('HA_ORDER_LOOPS', 3),
    });
    try {
      step('traffic: sockets connecting');
      const sockets = await traffic.start();
      verdict.note('connected sockets', sockets);
      const ctx = { stack, db, traffic, ownerToken: state.ownerToken };
      // HA_FAULTS='Redis primary,taking writes': only the faults whose names contain one of these (a diagnosis run).
      const only = process.env.HA_FAULTS?.split(',').filter(Boolean);
      // HA_ROUNDS=n: the faults n times over, for an intermittent one.
      const faults = haFaults().filter((f) => !only || only.some((w) => f.name.includes(w)));
      for (const fault of Array.from({ length: env('HA_ROUNDS', 1) }, () => faults).flat()) {
        step(`fault: ${fault.name} — waiting until the stack is whole`);
        const whole = await waitUntilWhole(ctx).then((s) => `after ${s} s`, (error) => error);
        verdict.check(`before killing ${fault.name}: every container healthy, 3 synced Galera nodes, an online Redis replica, 3 Sentinels`, !(whole instanceof Error), whole.message ?? whole);
        step(`fault: docker kill ${fault.name}`);
        const result = await injectFault(fault, ctx);
        step(`fault: ${fault.name} (${result.container}) — settling`);
        const audit = await settleAndAudit(ctx);
        const label = `kill ${fault.name} (${result.container})`;
        verdict.check(`${label}: ${fault.path} answers again within ${fault.targetSeconds} s`, result.recovered !== undefined && result.recovered <= fault.targetSeconds, `${result.recovered ?? 'never'} s`);
        if (result.logs) {
          console.log(`${label}: did not answer again in time or did not rejoin; log lines since the kill:\n${result.logs}`);
          verdict.note(`${fault.name}: its path's story since the kill`, pathStory(result.logs) || 'no failover events logged');
        }
        if (result.timeline) {
          console.log(`${label}: probes since the kill (start+duration s): ${result.timeline}`);
          verdict.note(`${fault.name}: probes since the kill (start+duration s)`, result.timeline);
        }
        if (result.outcomes) verdict.note(`${fault.name}: position reports from kill to restart`, result.outcomes);
        verdict.check(`${label}: back after docker start and rejoined`, result.rejoined !== undefined, `${result.rejoined ?? 'not'} s`);
        verdict.check(`${label}: acknowledged orders lost 0`, audit.lost === 0, `${audit.lost} of ${audit.acked}`);
        verdict.check(`${label}: no Idempotency-Key ordered twice`, audit.secondOrders === 0, `${audit.secondOrders}`);
        verdict.check(`${label}: committed events never received by a connected socket after reconnect and replay 0`, audit.streamsMs !== null && audit.streams.missing === 0 && audit.streams.unexpected === 0 && audit.streams.mismatched === 0, `missing ${audit.streams.missing}, unexpected ${audit.streams.unexpected}, mismatched ${audit.streams.mismatched}`);
        verdict.check(`${label}: statistics equal a recount once settled`, audit.workerMs !== null && audit.statistics.length === 0, audit.statistics.slice(0, 3).join('; '));
        verdict.note(`${fault.name}: recovered (s) / rejoined (s) / requests / failed`, `${result.recovered ?? 'never'} / ${result.rejoined ?? 'not'} / ${result.requests} / ${result.failed}${result.failedKinds ? ` (${result.failedKinds})` : ''}`);
        verdict.note(`${fault.name}: acknowledged / events delivered / streams complete (ms) / worker caught up (ms)`, `${audit.acked} / ${audit.streams.received} / ${audit.streamsMs} / ${audit.workerMs}`);
      }
      const positions = traffic.positions.filter((p) => p.delivered).length;
      verdict.note('courier positions delivered / sent', `${positions} / ${traffic.positions.length}`);
      verdict.note('socket reconnects', traffic.listeners.reduce((n, l) => n + l.connects - 1, 0));
    } finally {
      await traffic.stop();
      await db.end();
    }
  },
});
