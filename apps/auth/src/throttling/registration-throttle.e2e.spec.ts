import { describe, expect, it } from 'vitest';
import { expectMessage, fromClient, newAccount, register } from '../testing-support/accounts.js';
import { useAuthTestApp } from '../testing-support/auth-test-app.js';

const auth = useAuthTestApp('auth_registration_throttle', { REGISTRATIONS_PER_IP_PER_HOUR: '3', TRUST_PROXY: 'true' });

describe('registration limit per client', () => {
  it('allows REGISTRATIONS_PER_IP_PER_HOUR attempts, then 429 with Retry-After; other clients unaffected', async () => {
    const client = fromClient('10.1.0.1');
    await register(auth.client, newAccount(), '/register_customer', client);
    await register(auth.client, newAccount(), '/register_courier', client);
    // A taken email counts too: the limit also slows probing which emails exist.
    expectMessage(
      await auth.client.post('/register_customer', newAccount({ email: 'onlymoney@gmail.com' }), client),
      400,
      'Email already exists.',
    );

    const refused = await auth.client.post('/register_courier', newAccount(), client);
    expectMessage(refused, 429, 'Too many registrations.');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    await register(auth.client, newAccount(), '/register_customer', fromClient('10.1.0.2'));
  });

  it('answers invalid requests with their 400 and does not count them', async () => {
    const client = fromClient('10.1.1.1');
    for (let i = 0; i < 5; i++) {
      expectMessage(
        await auth.client.post('/register_customer', { forename: 'Ana' }, client),
        400,
        'Field surname is missing.',
      );
    }
    await register(auth.client, newAccount(), '/register_customer', client);
  });
});
