import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createRequestLogger, PinoNestLogger, serializeError } from './logger.js';

describe('structured error logs', () => {
  it('keep message, type, stack and code, and drop fields holding query parameters', () => {
    const error = Object.assign(new Error('Duplicate entry'), {
      code: 'ER_DUP_ENTRY',
      sql: "INSERT INTO accounts VALUES ('ana@example.org', '$argon2id$secret')",
      parameters: ['ana@example.org', '$argon2id$secret'],
      driverError: new Error('inner'),
    });
    const serialized = serializeError(error);
    expect(serialized).toMatchObject({ message: 'Duplicate entry', type: 'Error', code: 'ER_DUP_ENTRY' });
    expect(serialized.stack).toContain('Duplicate entry');
    expect(JSON.stringify(serialized)).not.toContain('secret');
  });

  it('write { err } as a field and the text as the message through the Nest logger', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const root = pino({ serializers: { err: serializeError } }, sink);
    new PinoNestLogger(root).warn({ err: new Error('boom') }, 'reload failed', 'StoreEpoch');
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ msg: 'reload failed', context: 'StoreEpoch', err: { message: 'boom' } });
  });
});

describe('the request log line', () => {
  /** The lines one request produces through a request logger at `level`. */
  const linesOf = (level: string) => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    createRequestLogger(
      { service: 'customer', level },
      sink,
    )({
      reqId: 'r-1',
      method: 'GET',
      url: '/search?name=Hot',
      statusCode: 200,
      ms: 1.5,
    });
    return lines;
  };

  it('holds the service, pid, request id, method, url, status and duration, and nothing else', () => {
    const { time, ...line } = JSON.parse(linesOf('info')[0]);
    expect(typeof time).toBe('number');
    expect(line).toEqual({
      level: 30,
      service: 'customer',
      pid: process.pid,
      reqId: 'r-1',
      req: { method: 'GET', url: '/search?name=Hot' },
      res: { statusCode: 200 },
      ms: 1.5,
      msg: 'request completed',
    });
  });

  it('is not written below level info', () => {
    expect(linesOf('warn')).toEqual([]);
  });
});
