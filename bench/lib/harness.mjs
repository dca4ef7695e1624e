// What every benchmark does around its measurement, on top of the scripts' shared lib (scripts/lib): a
// time bound, a throwaway store database, the built apps (DIST, default `dist`) started on free
// ports, and everything dropped/killed at the end, failure and Ctrl-C included.
import { runBounded } from '../../scripts/lib/lifecycle.mjs';
import { ShopwireApp } from '../../scripts/lib/shopwire-app.mjs';
import { throwawayDatabase } from '../../scripts/lib/store-database.mjs';

export { onCleanup } from '../../scripts/lib/lifecycle.mjs';
export { DIST, ShopwireApp } from '../../scripts/lib/shopwire-app.mjs';
export { DEVELOPMENT_JWT_SECRET, signToken } from '../../scripts/lib/tokens.mjs';
export { percentile } from '../../scripts/lib/stats.mjs';
export { sleep, waitFor } from '../../scripts/lib/ports.mjs';

/** A number from the environment, or `fallback`. */
export const envNumber = (name, fallback) => Number(process.env[name] ?? fallback);

/**
 * Runs `body({ workDir, startApp })` within `timeoutSeconds` (BENCH_TIMEOUT overrides it) and
 * exits with the code it returns (default 0), 2 on error or overrun. `startApp(name, env, options)`
 * starts `$DIST/apps/<name>` (its log in the work dir) and resolves once /health/ready answers.
 */
export function runBench(name, { timeoutSeconds }, body) {
  const timeoutMs = envNumber('BENCH_TIMEOUT', timeoutSeconds) * 1000;
  return runBounded(`bench-${name}`, { timeoutMs }, ({ workDir }) =>
    body({
      workDir,
      startApp: (app, env = {}, options) =>
        ShopwireApp.start(app, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env }, workDir, options),
    }),
  );
}

/**
 * A throwaway database `{ name, url }` on the MariaDB server at BENCH_MYSQL_URL (default
 * mysql://root@127.0.0.1:3306), dropped at the end unless KEEP_DB is set.
 */
export function benchDatabase(label) {
  const { hostname, port } = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
  const server = { host: hostname, port: Number(port || 3306) };
  return throwawayDatabase(label, server, { prefix: 'sw_bench', keep: Boolean(process.env.KEEP_DB) });
}
