import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validEmail, validPassword } from './harness/field-values.js';
import { fuzzEndpoint } from './harness/fuzz-endpoint.js';
import { jsonEndpointRequest } from './harness/fuzz-request.js';
import { fuzzTestTimeout } from './harness/fuzz-settings.js';
import { itFuzzes } from './harness/fuzz-test.js';
import { tokens, useSecurityStack } from './harness/security-stack.js';

const registration = {
  forename: fc.string({ minLength: 1, maxLength: 300 }),
  surname: fc.string({ minLength: 1, maxLength: 300 }),
  email: validEmail,
  password: validPassword,
};
// Mostly the owner's own credentials (the bodies already break any field): at even odds a run of
// 200 requests once held no valid login at all, and the suite failed for want of a 200.
const credentials = {
  email: fc.oneof({ arbitrary: fc.constant('onlymoney@gmail.com'), weight: 3 }, { arbitrary: validEmail, weight: 1 }),
  password: fc.oneof({ arbitrary: fc.constant('evenmoremoney'), weight: 3 }, { arbitrary: validPassword, weight: 1 }),
};

describe('fuzzing the authentication service (contract §2)', () => {
  const stack = useSecurityStack('sec_fuzz_auth', ['auth']);
  const target = () => ({ baseUrl: stack.url('auth'), counter: stack.authCounter! });

  for (const path of ['/register_customer', '/register_courier']) {
    itFuzzes(
      `POST ${path} never fails, hangs, leaks or half-registers`,
      target,
      () => jsonEndpointRequest('POST', path, registration),
      [400, 200],
    );
  }

  itFuzzes(
    'POST /login never fails, hangs or leaks',
    target,
    () => jsonEndpointRequest('POST', '/login', credentials),
    [400, 200],
  );

  it(
    'POST /delete with junk bodies and headers deletes nothing it should not',
    async () => {
      const authorization = `Bearer ${tokens.customer('nobody.here@example.org')}`;
      const statuses = await fuzzEndpoint(target(), jsonEndpointRequest('POST', '/delete', {}, authorization));
      // 400 Unknown user. (the body is ignored), 401 for a mangled header, 413 over the body limit.
      expect(statuses).toContain(400);
      expect(statuses).toContain(401);
      expect([...statuses].filter((status) => ![400, 401, 413].includes(status))).toEqual([]);
    },
    fuzzTestTimeout(),
  );

  // Last: a 200 here changes the password of the account it fuzzes (its own, not the owner).
  it(
    'POST /change_password never fails, hangs, leaks or changes anything on a 4xx',
    async () => {
      const account = { forename: 'Fuzz', surname: 'Change', email: 'fuzz.change@example.org', password: 's3cretPass' };
      const registered = await fetch(`${stack.url('auth')}/register_customer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      expect(registered.status).toBe(200);
      const authorization = `Bearer ${tokens.customer(account.email)}`;
      const body = { password: fc.oneof(validPassword, fc.constant(account.password)), newPassword: validPassword };
      const statuses = await fuzzEndpoint(
        target(),
        jsonEndpointRequest('POST', '/change_password', body, authorization),
      );
      expect(statuses).toContain(400);
      expect([...statuses].filter((status) => ![200, 400, 401, 413, 429].includes(status))).toEqual([]);
    },
    fuzzTestTimeout(),
  );
});
