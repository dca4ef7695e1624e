// Isolation, live: TCP connects from inside running containers, by service name and by address,
// with a positive control each (so a probe that can never connect cannot pass the check), and the
// host port bindings of every container of the project.
import { docker } from '../lib/docker-cli.mjs';
import { PROJECT } from './stack.mjs';

/**
 * 'open', or why not (bash's message: name not known, connection refused; `timeout` when dropped).
 * bash's /dev/tcp, present in every image here: a Node start-up per probe is far slower under load.
 */
async function probe(stack, id, host, port) {
  const script = `exec 3<>/dev/tcp/${host}/${port} && echo open`;
  const result = await stack.exec(id, ['timeout', '5', 'bash', '-c', script], { allowFail: true });
  if (result.stdout.includes('open')) return 'open';
  if (result.code === 124) return 'timeout';
  return (result.stderr.split('\n').find((line) => line.includes(':')) ?? `exit ${result.code}`).replace(/^.*: /, '');
}

export async function checkIsolation(verdict, stack) {
  const one = async (service) => (await stack.containers(service))[0];
  const [auth, customer, gateway, authDb, storeDb, redis] = await Promise.all(
    ['auth', 'customer', 'gateway', 'auth-db', 'store-db', 'redis'].map(one),
  );
  const storeDbIp = await stack.address(storeDb, 'store');
  const redisIp = await stack.address(redis, 'store');
  const authDbIp = await stack.address(authDb, 'auth');
  const customerIp = await stack.address(customer, 'store');

  const expect = async (description, from, targets, want) => {
    const seen = [];
    for (const [host, port] of targets) seen.push(`${host}:${port} ${await probe(stack, from, host, port)}`);
    const ok = seen.every((line) => (want === 'open' ? line.endsWith(' open') : !line.endsWith(' open')));
    verdict.check(description, ok, seen.join(', '));
  };

  await expect('control: auth reaches auth-db', auth, [['auth-db', 3306]], 'open');
  await expect('isolation: auth cannot reach store-db or redis (by name and address)', auth, [
    ['store-db', 3306], [storeDbIp, 3306], ['redis', 6379], [redisIp, 6379], [customerIp, 5002],
  ], 'closed');
  await expect('control: customer reaches store-db and redis', customer, [['store-db', 3306], ['redis', 6379]], 'open');
  await expect('isolation: customer cannot reach auth-db or auth (by name and address)', customer, [
    ['auth-db', 3306], [authDbIp, 3306], ['auth', 5000], ['auth-gateway', 5000],
  ], 'closed');
  await expect('control: gateway reaches customer', gateway, [['customer', 5002]], 'open');
  const [authGateway] = await stack.containers('auth-gateway');
  await expect('control: auth-gateway reaches auth', authGateway, [['auth', 5000]], 'open');
  await expect('isolation: auth-gateway reaches no database, Redis or store app', authGateway, [
    ['auth-db', 3306], [authDbIp, 3306], [storeDbIp, 3306], [redisIp, 6379], [customerIp, 5002],
  ], 'closed');
  await expect('isolation: gateway reaches no database or Redis', gateway, [
    ['store-db', 3306], [storeDbIp, 3306], [redisIp, 6379], [authDbIp, 3306],
  ], 'closed');

  const bindings = [];
  const ids = (await docker(['ps', '-q', '--filter', `label=com.docker.compose.project=${PROJECT}`])).split('\n').filter(Boolean);
  for (const id of ids) {
    const info = await stack.inspect(id);
    const service = info.Config.Labels['com.docker.compose.service'];
    for (const [port, hosts] of Object.entries(info.NetworkSettings.Ports ?? {})) {
      for (const host of hosts ?? []) bindings.push({ service, port, ip: host.HostIp });
    }
  }
  const published = [...new Set(bindings.map((b) => b.service))].sort();
  verdict.check('only the two gateways publish ports (no app, database or Redis port)', JSON.stringify(published) === '["auth-gateway","gateway"]', published.join(', '));
  verdict.check('every published port is bound to 127.0.0.1', bindings.length > 0 && bindings.every((b) => b.ip === '127.0.0.1'), bindings.map((b) => `${b.service} ${b.ip}`).join(', '));
}
