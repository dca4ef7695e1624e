import { describe, expect, it } from 'vitest';
import { validateLogin } from './login-validation.js';

describe('validateLogin (contract §2.2, checks 1–3 in order)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['empty body', {}, 'Field email is missing.'],
    ['email empty', { email: '', password: 'whatever1' }, 'Field email is missing.'],
    ['email null', { email: null, password: 'whatever1' }, 'Field email is missing.'],
    ['email a number', { email: 1, password: 'whatever1' }, 'Field email is missing.'],
    ['password only', { password: 'whatever1' }, 'Field email is missing.'],
    ['email only', { email: 'ana@example.org' }, 'Field password is missing.'],
    ['password a boolean', { email: 'ana@example.org', password: true }, 'Field password is missing.'],
    ['missing password before a bad email', { email: 'name' }, 'Field password is missing.'],
    ['email whitespace', { email: ' ', password: 'whatever1' }, 'Invalid email.'],
    ['email "name@host.x"', { email: 'name@host.x', password: 'whatever1' }, 'Invalid email.'],
    ['email "name@host"', { email: 'name@host', password: 'whatever1' }, 'Invalid email.'],
    ['email of 257 characters', { email: `${'a'.repeat(245)}@example.org`, password: 'x' }, 'Invalid email.'],
  ])('%s → %s', (_label, body, message) => {
    expect(validateLogin(body)).toEqual({ ok: false, message });
  });

  it('accepts any present password, short or whitespace (credentials decide)', () => {
    expect(validateLogin({ email: 'Ana@Example.org', password: ' ' })).toEqual({
      ok: true,
      value: { email: 'Ana@Example.org', password: ' ' },
    });
  });
});
