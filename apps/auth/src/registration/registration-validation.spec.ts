import { describe, expect, it } from 'vitest';
import { validateRegistration } from './registration-validation.js';

const complete = { forename: 'Ana', surname: 'Petrovic', email: 'ana@example.org', password: 's3cretPass' };
const long = (n: number) => 'a'.repeat(n);

describe('validateRegistration (contract §2.1, checks 1–6 in order)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['empty body', {}, 'Field forename is missing.'],
    ['forename only (whitespace counts as present)', { forename: ' ' }, 'Field surname is missing.'],
    ['forename null', { ...complete, forename: null }, 'Field forename is missing.'],
    ['forename empty', { ...complete, forename: '' }, 'Field forename is missing.'],
    ['forename a number', { ...complete, forename: 7 }, 'Field forename is missing.'],
    ['forename an array', { ...complete, forename: ['Ana'] }, 'Field forename is missing.'],
    ['forename of 257 characters', { ...complete, forename: long(257) }, 'Field forename is missing.'],
    ['surname of 257 characters', { ...complete, surname: long(257) }, 'Field surname is missing.'],
    ['surname false', { ...complete, surname: false }, 'Field surname is missing.'],
    ['email missing', { ...complete, email: undefined }, 'Field email is missing.'],
    ['email an object', { ...complete, email: {} }, 'Field email is missing.'],
    ['password missing', { ...complete, password: undefined }, 'Field password is missing.'],
    ['password a number', { ...complete, password: 12345678 }, 'Field password is missing.'],
    ['missing password before a bad email', { ...complete, email: 'x', password: '' }, 'Field password is missing.'],
    ['email whitespace', { ...complete, email: ' ' }, 'Invalid email.'],
    ['email "name"', { ...complete, email: 'name' }, 'Invalid email.'],
    ['email "name@"', { ...complete, email: 'name@' }, 'Invalid email.'],
    ['email "name@host"', { ...complete, email: 'name@host' }, 'Invalid email.'],
    ['email "name@host."', { ...complete, email: 'name@host.' }, 'Invalid email.'],
    ['email "name@host.x"', { ...complete, email: 'name@host.x' }, 'Invalid email.'],
    ['email of 257 characters', { ...complete, email: `${long(245)}@example.org` }, 'Invalid email.'],
    ['bad email before a short password', { ...complete, email: 'name', password: 'short' }, 'Invalid email.'],
    ['password of 7 characters', { ...complete, password: long(7) }, 'Invalid password.'],
    ['password of 257 characters', { ...complete, password: long(257) }, 'Invalid password.'],
  ])('%s → %s', (_label, body, message) => {
    expect(validateRegistration(body)).toEqual({ ok: false, message });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a complete body', complete],
    ['whitespace names', { ...complete, forename: ' ', surname: ' ' }],
    ['names of exactly 256 characters', { ...complete, forename: long(256), surname: long(256) }],
    ['256 emoji as a name (characters, not UTF-16 units)', { ...complete, forename: '😀'.repeat(256) }],
    ['an email of exactly 256 characters', { ...complete, email: `${long(244)}@example.org` }],
    ['a password of exactly 8 characters, spaces included', { ...complete, password: '        ' }],
    ['a password of exactly 256 characters', { ...complete, password: long(256) }],
    ['unknown keys', { ...complete, role: 'owner' }],
  ])('accepts %s', (_label, body) => {
    const result = validateRegistration(body);
    expect(result.ok).toBe(true);
  });

  it('returns exactly the four fields', () => {
    expect(validateRegistration({ ...complete, role: 'owner' })).toEqual({ ok: true, value: complete });
  });
});
