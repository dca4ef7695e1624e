import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** A `.query(…)` call: SQL, as the data-owner rule sees it. */
const SQL_CALL = "export const f = (d: { query(sql: string): void }) => d.query('SELECT 1');\n";

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('lint enforces the boundaries (eslint.config.js, eslint-rules/)', () => {
  it.each([
    [
      'a lib importing against the lib graph',
      'libs/contracts/src/probe.ts',
      "import { x } from '@shopwire/ordering';\nexport const y = x;\n",
      'shopwire-libs/lib-graph-direction',
    ],
    [
      'a web component importing test helpers',
      'apps/web/src/probe.tsx',
      "import { x } from '@shopwire/testing';\nexport const y = x;\n",
      'no-restricted-imports',
    ],
    [
      'a script importing an app',
      'scripts/probe.ts',
      "import { x } from '../apps/auth/src/auth.config.js';\nexport const y = x;\n",
      'no-restricted-imports',
    ],
    [
      'startTransaction in an app',
      'apps/worker/src/probe.ts',
      'export const f = (r: { startTransaction(): void }) => r.startTransaction();\n',
      'no-restricted-syntax',
    ],
    [
      '.transaction( in a lib',
      'libs/push/src/probe.ts',
      'export const f = (d: { transaction(): void }) => d.transaction();\n',
      'no-restricted-syntax',
    ],
    [
      'createQueryRunner in a lib',
      'libs/ordering/src/probe.ts',
      'export const f = (d: { createQueryRunner(): void }) => d.createQueryRunner();\n',
      'no-restricted-syntax',
    ],
    [
      'a global Nest interceptor in a lib',
      'libs/store-data/src/probe.ts',
      "import { APP_INTERCEPTOR } from '@nestjs/core';\nexport const p = { provide: APP_INTERCEPTOR, useValue: {} };\n",
      'no-restricted-syntax',
    ],
    [
      'a controller interceptor in an app',
      'apps/customer/src/probe.controller.ts',
      "import { Controller, UseInterceptors } from '@nestjs/common';\n@Controller()\n@UseInterceptors({ intercept: (_c: unknown, n: { handle(): unknown }) => n.handle() })\nexport class P {}\n",
      'no-restricted-syntax',
    ],
    [
      'SQL in a service (not a data owner)',
      'apps/owner/src/products/probe.service.ts',
      SQL_CALL,
      'shopwire-data/sql-only-in-data-owners',
    ],
    [
      'SQL in a lib file named neither *.repository.ts nor *.query.ts',
      'libs/catalogue/src/catalogue-rows.ts',
      SQL_CALL,
      'shopwire-data/sql-only-in-data-owners',
    ],
    [
      'a TypeORM repository outside a data owner',
      'apps/auth/src/login/probe.ts',
      'export const f = (d: { getRepository(e: string): void }) => d.getRepository("accounts");\n',
      'shopwire-data/sql-only-in-data-owners',
    ],
  ])('refuses %s', async (_label, filePath, code, rule) => {
    expect(await ruleIds(filePath, code)).toContain(rule);
  });

  it.each([
    [
      'a lib importing what the graph allows',
      'libs/push/src/probe.ts',
      "import { x } from '@shopwire/ordering';\nexport const y = x;\n",
    ],
    [
      'createQueryRunner inside libs/database',
      'libs/database/src/probe.ts',
      'export const f = (d: { createQueryRunner(): void }) => d.createQueryRunner();\n',
    ],
    ['SQL in a repository', 'libs/push/src/probe.repository.ts', SQL_CALL],
    ['SQL in a read model', 'libs/ordering/src/queries/probe.query.ts', SQL_CALL],
    ['SQL in a spec (tests stage their rows)', 'apps/worker/src/probe.e2e.spec.ts', SQL_CALL],
    ['SQL in libs/database', 'libs/database/src/probe.ts', SQL_CALL],
    ['SQL in a migration', 'libs/store-data/src/migrations/1799999999999-probe.ts', SQL_CALL],
  ])('allows %s', async (_label, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  });
});
