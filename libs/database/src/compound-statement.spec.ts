import { describe, expect, it } from 'vitest';
import { CompoundStatement } from './compound-statement.js';

describe('CompoundStatement', () => {
  it('declares its variables first and keeps the parts and their values in order', () => {
    const statement = new CompoundStatement();
    const first = statement.variable();
    statement.add(`INSERT INTO t (a) VALUES (?); SET ${first} = LAST_INSERT_ID();`, ['x']);
    const second = statement.variable();
    statement.add(`INSERT INTO u (t, b) VALUES (${first}, ?), (${second}, ?);`, [1, 2]);
    expect(first).not.toBe(second);
    expect(statement.sql()).toBe(
      [
        'BEGIN NOT ATOMIC',
        `DECLARE ${first}, ${second} INT UNSIGNED;`,
        `INSERT INTO t (a) VALUES (?); SET ${first} = LAST_INSERT_ID();`,
        `INSERT INTO u (t, b) VALUES (${first}, ?), (${second}, ?);`,
        'END',
      ].join('\n'),
    );
    expect(statement.values).toEqual(['x', 1, 2]);
  });

  it('carries START TRANSACTION and COMMIT inside the statement when asked', () => {
    const statement = new CompoundStatement().add('SELECT ?;', [1]);
    expect(statement.sql({ transaction: true })).toBe(
      ['BEGIN NOT ATOMIC', 'START TRANSACTION;', 'SELECT ?;', 'COMMIT;', 'END'].join('\n'),
    );
  });
});
