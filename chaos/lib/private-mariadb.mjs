// A private MariaDB server (own data directory, free loopback port, root without password over
// TCP) that a scenario may crash and restart; the shared server on 3306 is never touched.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { ChildProcess } from '../../scripts/lib/child-process.mjs';
import { freePort, waitFor } from '../../scripts/lib/ports.mjs';

const run = promisify(execFile);

async function answers(port) {
  try {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

export class PrivateMariaDb {
  static async start(workDir) {
    const dataDir = join(workDir, 'mariadb');
    await run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--user=root',
      '--skip-test-db',
    ]);
    const server = new PrivateMariaDb(await freePort(), dataDir, workDir);
    await server.restart();
    return server;
  }

  constructor(port, dataDir, workDir) {
    this.port = port;
    this.process = new ChildProcess(
      'mariadb',
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(workDir, 'mariadb.sock')}`,
        '--user=root',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=500',
      ],
      { logFile: join(workDir, 'mariadb.log') },
    );
  }

  /** A mysql:// URL for `database` on this server. */
  url(database) {
    return `mysql://root@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server on the same port and data directory; resolves once it accepts logins. */
  async restart() {
    this.process.start();
    await waitFor(`mariadbd on ${this.port}`, () => answers(this.port), { timeoutMs: 60_000, everyMs: 100 });
  }

  /** SIGKILL: a crash (InnoDB recovers from its redo log at the next start). */
  kill() {
    return this.process.kill('SIGKILL');
  }
}
