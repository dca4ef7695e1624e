// Durability: database restarts, `down` (volumes kept) then `up`, and a customer container killed
// under light order traffic — nothing a client was told is lost, nothing is duplicated.
import { call } from '../../scripts/lib/http-client.mjs';
import { sleep, waitFor } from '../../scripts/lib/ports.mjs';
import { OWNER, login, snapshot } from './contract.mjs';

/** Fresh logins (the accounts must still be there) and what the store holds, as clients see it. */
async function observed(stack, state) {
  const ownerToken = await login(stack.urls, OWNER.email, OWNER.password).catch(() => undefined);
  const customerToken = await login(stack.urls, state.customer, 'compose-test-password').catch(() => undefined);
  if (!ownerToken || !customerToken) return `login failed (owner ${Boolean(ownerToken)}, customer ${Boolean(customerToken)})`;
  return snapshot(stack.urls, { ownerToken, customerToken });
}

export async function checkDatabaseRestart(verdict, stack, state) {
  const before = await observed(stack, state);
  await stack.compose(['restart', 'auth-db', 'store-db']);
  await stack.waitHealthy();
  const after = await waitFor('the store to answer as before', async () => ((await observed(stack, state)) === before ? before : undefined), { timeoutMs: 30_000 }).catch(() => observed(stack, state));
  verdict.check('restart auth-db and store-db: accounts, products, orders and statistics unchanged', after === before, after === before ? '' : `${before} → ${after}`);
}

export async function checkDownUp(verdict, stack, state) {
  const before = await observed(stack, state);
  await stack.compose(['down']);
  await stack.compose(['up', '-d']);
  const ms = await stack.waitHealthy();
  verdict.note('time to healthy after down/up (s)', (ms / 1000).toFixed(0));
  const after = await observed(stack, state);
  verdict.check('down (volumes kept) then up: all data there', after === before, after === before ? '' : `${before} → ${after}`);
  const owners = await stack.sql('auth', `SELECT COUNT(*) FROM accounts WHERE email = '${OWNER.email}'`);
  verdict.check('down then up: the owner account is not duplicated', owners[0]?.[0] === '1', `count ${owners[0]?.[0]}`);
}

export async function checkCustomerKill(verdict, stack, state) {
  const [customer] = await stack.containers('customer');
  const restartsBefore = (await stack.inspect(customer)).RestartCount;
  const acknowledged = [];
  let failed = 0;
  let stop = false;
  const apple = state.products[0].id;
  const traffic = async () => {
    while (!stop) {
      const order = await call('POST', `${stack.urls.customer}/order`, { token: state.customerToken, body: { requests: [{ id: apple, quantity: 1 }] }, timeoutMs: 5000 });
      if (order.status === 200 && Number.isInteger(order.body?.id)) acknowledged.push(order.body.id);
      else failed++;
      await sleep(50);
    }
  };
  const loops = [traffic(), traffic()];
  await sleep(2000);
  const beforeKill = acknowledged.length;
  // A crash, not `docker kill`: the engine marks a killed container as stopped by hand, and no
  // restart policy restarts those. SIGKILL to the container's PID 1 from the host is an
  // out-of-memory kill or a segfault as the engine sees it: exit 137, then the restart policy.
  process.kill((await stack.inspect(customer)).State.Pid, 'SIGKILL');
  const back = await waitFor('customer restarted and healthy', async () => {
    const info = await stack.inspect(customer);
    return info.RestartCount > restartsBefore && info.State.Health?.Status === 'healthy';
  }, { timeoutMs: 300_000, everyMs: 500 }).catch(() => false);
  const afterRestart = acknowledged.length;
  await sleep(2000);
  stop = true;
  await Promise.all(loops);
  verdict.note('orders acknowledged before kill / by the end / failed requests', `${beforeKill} / ${acknowledged.length} / ${failed}`);
  verdict.check('customer killed (SIGKILL): restart policy brings it back, healthy', back);
  verdict.check('traffic flowed before the kill and after the restart', beforeKill > 0 && acknowledged.length > afterRestart, `${beforeKill}, +${acknowledged.length - afterRestart}`);
  const stored = new Set((await stack.sql('store', `SELECT id FROM orders WHERE id IN (${acknowledged.join(',') || 0})`)).map(([id]) => Number(id)));
  const lost = acknowledged.filter((id) => !stored.has(id));
  verdict.check('every acknowledged order exists in the store database', lost.length === 0, `${acknowledged.length} acknowledged, lost ${lost.length}`);
}
