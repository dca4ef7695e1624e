#!/usr/bin/env node
// `npm run compose:test`: the production path, for real — stand-in base images if needed,
// `docker-compose up --build` of the project's docker-compose.yml with generated secrets, then the
// checks (contract, live events, web page, isolation, durability, scale-out) against ports
// published on 127.0.0.1 and containers on the networks this run created; `down -v` at the end.
// Prints one line per check; exits non-zero when any fails. See docs/deploy.md.
import { workedExample } from './contract.mjs';
import { checkCustomerKill, checkDatabaseRestart, checkDownUp } from './durability.mjs';
import { checkInternalEndpoints } from './internal-endpoints.mjs';
import { checkIsolation } from './isolation.mjs';
import { checkScaleOut } from './scale.mjs';
import { runComposeScenario } from './scenario.mjs';

await runComposeScenario({
  label: 'compose:test',
  title: 'compose test',
  scenario: async (verdict, stack, step) => {
    step('contract worked example, live event, web page');
    const state = await workedExample(verdict, stack.urls);
    step('isolation');
    await checkIsolation(verdict, stack);
    step('internal endpoints: public entry vs inside the network');
    await checkInternalEndpoints(verdict, stack);
    step('durability: database restarts');
    await checkDatabaseRestart(verdict, stack, state);
    step('durability: customer crashes (SIGKILL) under traffic');
    await checkCustomerKill(verdict, stack, state);
    step('durability: down, up');
    await checkDownUp(verdict, stack, state);
    step('scale-out');
    await checkScaleOut(verdict, stack, state);
  },
});
