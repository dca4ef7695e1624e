import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { parseMysqlUrl } from './mysql-url.js';
import { ParameterFreeQueryLogger } from './parameter-free-query-logger.js';

export interface MysqlDataSourceOptions {
  url: string;
  /** Listed explicitly: glob discovery breaks once the code is bundled. */
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** Only for throwaway test databases. */
  synchronize?: false;
}

/**
 * A TypeORM DataSource for MariaDB/MySQL with the settings every shopwire database needs:
 * UTC timestamps, utf8mb4, BIGINT columns as JS numbers (ids are JSON integers in the contract),
 * and no automatic schema changes (migrations only).
 */
export function createMysqlDataSource(options: MysqlDataSourceOptions): DataSource {
  const settings = parseMysqlUrl(options.url);
  return new DataSource({
    type: 'mysql',
    host: settings.host,
    port: settings.port,
    username: settings.user,
    password: settings.password,
    database: settings.database,
    charset: 'utf8mb4_bin',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    poolSize: options.poolSize ?? 20,
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: false,
    synchronize: false,
    // Errors and slow queries are logged without their parameters (secrets, personal data).
    logger: new ParameterFreeQueryLogger(`Database ${settings.database}`),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 1000,
    // decimalNumbers: SUM() over integer columns comes back as a number, not a string.
    // maxPreparedStatements: mysql2 preallocates its per-connection statement cache at this size
    // (default 16,000 slots = 512 KB per pool connection); TypeORM sends text queries only, so no
    // statement is ever prepared through this pool and a small bound costs nothing.
    extra: { connectTimeout: 5000, enableKeepAlive: true, decimalNumbers: true, maxPreparedStatements: 32 },
  });
}
