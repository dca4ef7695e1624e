/* global FormData, Blob -- Node 20 globals the shared lint config does not list */
// Shared by the catalogue benchmarks: the owner (and customer) services, either started from the
// build on a throwaway store database or running ones given by OWNER_URL / CUSTOMER_URL.
import { benchDatabase, DEVELOPMENT_JWT_SECRET, signToken } from './harness.mjs';

/** Services you start yourself may use another secret: JWT_SECRET. */
const JWT_SECRET = process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;

export const token = (role, email = `${role}@bench.example.org`) => signToken(email, role, JWT_SECRET);

/**
 * Returns { ownerUrl, ownerPid, customerUrl, customerPid } (pids undefined for running services).
 * OWNER_PORT / CUSTOMER_PORT pin the started apps' ports (default: free ones).
 */
export async function startCatalogue(startApp, { customer = true } = {}) {
  if (process.env.OWNER_URL && (!customer || process.env.CUSTOMER_URL)) {
    return { ownerUrl: process.env.OWNER_URL, customerUrl: process.env.CUSTOMER_URL };
  }
  const env = { STORE_DATABASE_URL: benchDatabase('catalogue').url, JWT_SECRET };
  const port = (variable) => (process.env[variable] ? { port: Number(process.env[variable]) } : {});
  // One at a time: both migrate the same new database under its lock.
  const owner = await startApp('owner', env, port('OWNER_PORT'));
  const customerApp = customer ? await startApp('customer', env, port('CUSTOMER_PORT')) : undefined;
  return { ownerUrl: owner.url, ownerPid: owner.pid, customerUrl: customerApp?.url, customerPid: customerApp?.pid };
}

/** POST /update with `content` as the file part; returns { status, text, seconds }. */
export async function importCsv(ownerUrl, content) {
  const form = new FormData();
  form.append('file', new Blob([content]), 'products.csv');
  const started = process.hrtime.bigint();
  const response = await fetch(`${ownerUrl}/update`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token('owner', 'onlymoney@gmail.com')}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, text, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
