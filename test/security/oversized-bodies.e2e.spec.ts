import { Messages } from '@shopwire/contracts';
import { httpClient } from '@shopwire/testing';
import { describe, expect, it } from 'vitest';
import { expectStillLive } from './harness/fuzz-endpoint.js';
import { deeplyNested, toJsonText } from './harness/hostile-values.js';
import { tokens, useSecurityStack } from './harness/security-stack.js';
import { sendRequest } from './harness/send-request.js';
import type { ServiceName } from './harness/services.js';
import { streamBody } from './harness/stream-body.js';

const TEN_MB = 10 * 1024 * 1024;
const TOO_LARGE = { message: Messages.payloadTooLarge };
const UPLOAD_LIMIT = 2 * 1024 * 1024;

/** JSON endpoints with the field a 10 MB string goes into and the token they need. */
const JSON_ENDPOINTS: Array<[ServiceName, string, string, () => string | undefined]> = [
  ['auth', '/register_customer', 'forename', () => undefined],
  ['auth', '/login', 'email', () => undefined],
  ['customer', '/order', 'requests', tokens.customer],
  ['customer', '/delivered', 'id', tokens.customer],
  ['courier', '/pick_up_order', 'id', tokens.courier],
];

const bearer = (token: string | undefined): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

describe('oversized and deeply nested bodies', () => {
  const stack = useSecurityStack('sec_oversized', ['auth', 'owner', 'customer', 'courier'], {
    UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT),
  });

  it.each(JSON_ENDPOINTS)(
    '%s %s: a 10 MB string field is refused with 413 up front',
    async (service, path, field, token) => {
      const body = JSON.stringify({ [field]: 'x'.repeat(TEN_MB) });
      const response = await sendRequest(stack.url(service), {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', ...bearer(token()) },
        body,
      });
      expect({ status: response.status, body: JSON.parse(response.text) }).toEqual({ status: 413, body: TOO_LARGE });
    },
  );

  it.each(JSON_ENDPOINTS)(
    '%s %s: a chunked 10 MB body is cut off near the 1 MB limit, not read to the end',
    async (service, path, field, token) => {
      const response = await streamBody(
        stack.url(service),
        path,
        { 'content-type': 'application/json', ...bearer(token()) },
        { prefix: `{"${field}":"`, filler: '🍎', suffix: '"}', totalBytes: TEN_MB },
      );
      expect({ status: response.status, body: JSON.parse(response.text) }).toEqual({ status: 413, body: TOO_LARGE });
      expect(response.bytesWritten).toBeLessThan(TEN_MB / 2);
      await expectStillLive(stack.url(service));
    },
  );

  it('/update: a 10 MB CSV over UPLOAD_LIMIT_BYTES is refused with 413 and adds nothing', async () => {
    const before = await stack.storeCounter!.counts();
    const form = new FormData();
    form.append('file', new Blob([`Fruit,${'n'.repeat(TEN_MB)},1.5`]), 'big.csv');
    const response = await sendRequest(stack.url('owner'), {
      method: 'POST',
      path: '/update',
      headers: bearer(tokens.owner()),
      body: form,
    });
    expect({ status: response.status, body: JSON.parse(response.text) }).toEqual({ status: 413, body: TOO_LARGE });
    expect(await stack.storeCounter!.counts()).toEqual(before);
  });

  it('/update: a 1 MB product name under the limit round-trips through /search', async () => {
    const name = `big ${'🍎'.repeat(256 * 1024)}`;
    const form = new FormData();
    form.append('file', new Blob([`Fruit,${name},1.5`]), 'big.csv');
    const upload = await httpClient(stack.url('owner')).postForm('/update', form, { token: tokens.owner() });
    expect(upload.status, upload.text).toBe(200);
    const found = await httpClient(stack.url('customer')).get('/search?name=big', { token: tokens.customer() });
    expect(found.body.products.map((product: { name: string }) => product.name)).toEqual([name]);
  });

  const DEPTH = 100_000;
  it.each([
    ['auth', '/login', deeplyNested(DEPTH), Messages.fieldMissing('email'), undefined],
    [
      'auth',
      '/login',
      { email: deeplyNested(DEPTH, 'object'), password: 'x' },
      Messages.fieldMissing('email'),
      undefined,
    ],
    [
      'auth',
      '/register_customer',
      { forename: deeplyNested(DEPTH), surname: 's', email: 'a@b.cd', password: 'password1' },
      Messages.fieldMissing('forename'),
      undefined,
    ],
    ['customer', '/order', { requests: deeplyNested(DEPTH) }, Messages.productIdMissing(0), undefined],
    ['customer', '/order', { requests: deeplyNested(DEPTH) }, Messages.productIdMissing(0), 'deep-body-key'],
    [
      'customer',
      '/order',
      { requests: [{ id: deeplyNested(DEPTH, 'object'), quantity: 1 }] },
      Messages.invalidProductId(0),
      'deep-id-key',
    ],
    ['customer', '/delivered', { id: deeplyNested(DEPTH) }, Messages.invalidOrderId, undefined],
    ['courier', '/pick_up_order', { id: deeplyNested(DEPTH, 'object') }, Messages.invalidOrderId, undefined],
  ] as const)(
    '%s %s: nesting 100k levels deep is data, never recursion into a stack overflow (case %#)',
    async (service, path, body, message, idempotencyKey) => {
      const token = service === 'customer' ? tokens.customer() : service === 'courier' ? tokens.courier() : undefined;
      const headers = {
        'content-type': 'application/json',
        ...bearer(token),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      };
      const response = await sendRequest(stack.url(service), {
        method: 'POST',
        path,
        headers,
        body: toJsonText(body),
      });
      expect({ status: response.status, text: response.text }).toEqual({
        status: 400,
        text: JSON.stringify({ message }),
      });
    },
  );

  it('a body nested a million levels (2 MB) is over the limit: 413', async () => {
    const response = await sendRequest(stack.url('auth'), {
      method: 'POST',
      path: '/login',
      headers: { 'content-type': 'application/json' },
      body: deeplyNested(1_000_000).text,
    });
    expect(response.status).toBe(413);
  });
});
