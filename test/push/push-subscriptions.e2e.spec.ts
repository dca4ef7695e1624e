import { signTestToken } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPushService, startStoreStack, type LocalPushService, type StoreStack } from '@shopwire/test-support';

const ANA = signTestToken('ana@example.org', 'customer');
const DAN = signTestToken('dan@example.org', 'courier');
const EVE = signTestToken('eve@example.org', 'courier');

describe('push subscriptions API (customer and courier apps)', () => {
  let stack: StoreStack;
  let push: LocalPushService;

  beforeAll(async () => {
    push = await startLocalPushService();
    stack = await startStoreStack({
      label: 'push_api',
      customer: 1,
      courier: 1,
      env: { PUSH_ENDPOINT_HOSTS: '127.0.0.1', PUSH_MAX_SUBSCRIPTIONS_PER_ACCOUNT: '3' },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await push?.close();
  });

  const rows = async () =>
    (await stack.dataSource.query('SELECT account_email, role, notify FROM push_subscriptions ORDER BY id')) as Array<{
      account_email: string;
      role: string;
      notify: number;
    }>;

  it('answers the contract 401 without a token or with another role', async () => {
    const body = push.subscribe();
    for (const [api, token] of [
      [stack.customer, undefined],
      [stack.customer, DAN],
      [stack.courier, ANA],
    ] as const) {
      const response = await api.post('/push_subscribe', body, token ? { token } : {});
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ msg: 'Missing Authorization Header' });
    }
    expect(await rows()).toEqual([]);
  });

  it('checks the body in order, with exact messages, writing nothing', async () => {
    const valid = push.subscribe();
    const cases: Array<[unknown, string]> = [
      [{}, 'Field endpoint is missing.'],
      [[], 'Field endpoint is missing.'],
      [{ ...valid, endpoint: '' }, 'Field endpoint is missing.'],
      [{ ...valid, endpoint: 7 }, 'Field endpoint is missing.'],
      [{ ...valid, endpoint: 'not a url' }, 'Invalid push endpoint.'],
      [{ ...valid, endpoint: valid.endpoint.replace('https:', 'http:') }, 'Invalid push endpoint.'],
      [{ ...valid, endpoint: 'https://internal.example/push/1' }, 'Invalid push endpoint.'],
      [{ ...valid, endpoint: valid.endpoint.replace('https://', 'https://user:pw@') }, 'Invalid push endpoint.'],
      [{ ...valid, endpoint: `${valid.endpoint}/${'x'.repeat(2048)}` }, 'Invalid push endpoint.'],
      [{ endpoint: valid.endpoint }, 'Field keys is missing.'],
      [{ ...valid, keys: 'k' }, 'Invalid push keys.'],
      [{ ...valid, keys: { auth: valid.keys.auth } }, 'Invalid push keys.'],
      [{ ...valid, keys: { ...valid.keys, p256dh: Buffer.alloc(65, 4).toString('base64url') } }, 'Invalid push keys.'],
      [{ ...valid, keys: { ...valid.keys, auth: Buffer.alloc(8).toString('base64url') } }, 'Invalid push keys.'],
      [{ ...valid, notify: 'yes' }, 'Invalid notify value.'],
      [{ ...valid, notify: null }, 'Invalid notify value.'],
    ];
    for (const [body, message] of cases) {
      const response = await stack.customer.post('/push_subscribe', body, { token: ANA });
      expect({ body, status: response.status, answer: response.body }).toEqual({
        body,
        status: 400,
        answer: { message },
      });
    }
    expect(await rows()).toEqual([]);
  });

  it('keeps several devices per account, updates a preference, moves an endpoint to its new account, caps devices', async () => {
    const phone = push.subscribe();
    const laptop = push.subscribe();
    const first = await stack.courier.post('/push_subscribe', phone, { token: DAN });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: expect.any(Number), endpoint: phone.endpoint, notify: true });
    expect((await stack.courier.post('/push_subscribe', { ...laptop, notify: false }, { token: DAN })).status).toBe(
      200,
    );
    // Same device again with the preference turned off: an update, not a second row.
    const again = await stack.courier.post('/push_subscribe', { ...phone, notify: false }, { token: DAN });
    expect(again.body).toEqual({ id: first.body.id, endpoint: phone.endpoint, notify: false });
    const list = await stack.courier.get('/push_subscriptions', { token: DAN });
    expect(list.body).toEqual({
      subscriptions: [
        { id: first.body.id, endpoint: phone.endpoint, notify: false },
        { id: expect.any(Number), endpoint: laptop.endpoint, notify: false },
      ],
    });
    // Another courier signs in on the laptop: the endpoint is now theirs.
    expect((await stack.courier.post('/push_subscribe', laptop, { token: EVE })).status).toBe(200);
    expect((await stack.courier.get('/push_subscriptions', { token: DAN })).body.subscriptions).toHaveLength(1);
    // A customer's list does not show couriers' devices, even with the same email.
    expect((await stack.customer.get('/push_subscriptions', { token: ANA })).body).toEqual({ subscriptions: [] });

    for (let n = 0; n < 3; n++) {
      expect((await stack.customer.post('/push_subscribe', push.subscribe(), { token: ANA })).status).toBe(200);
    }
    const fourth = await stack.customer.post('/push_subscribe', push.subscribe(), { token: ANA });
    expect(fourth).toMatchObject({ status: 400, body: { message: 'Too many push subscriptions.' } });
  });

  it('caps devices under concurrent registrations', async () => {
    const zoe = signTestToken('zoe@example.org', 'customer');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => stack.customer.post('/push_subscribe', push.subscribe(), { token: zoe })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 400)).toHaveLength(5);
    expect((await rows()).filter((r) => r.account_email === 'zoe@example.org')).toHaveLength(3);
  });

  it('unsubscribes only its own device; an unknown endpoint is not an error', async () => {
    const [phone] = (await stack.courier.get('/push_subscriptions', { token: DAN })).body.subscriptions;
    expect((await stack.courier.post('/push_unsubscribe', {}, { token: DAN })).body).toEqual({
      message: 'Field endpoint is missing.',
    });
    expect((await stack.courier.post('/push_unsubscribe', { endpoint: phone.endpoint }, { token: EVE })).status).toBe(
      200,
    );
    expect((await stack.courier.get('/push_subscriptions', { token: DAN })).body.subscriptions).toHaveLength(1);
    const removed = await stack.courier.post('/push_unsubscribe', { endpoint: phone.endpoint }, { token: DAN });
    expect(removed.status).toBe(200);
    expect(removed.text).toBe('');
    expect((await stack.courier.get('/push_subscriptions', { token: DAN })).body).toEqual({ subscriptions: [] });
    expect((await stack.courier.post('/push_unsubscribe', { endpoint: phone.endpoint }, { token: DAN })).status).toBe(
      200,
    );
  });
});
