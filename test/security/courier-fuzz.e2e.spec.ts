import { beforeAll, describe, expect, it } from 'vitest';
import { idValue } from './harness/field-values.js';
import { fuzzEndpoint } from './harness/fuzz-endpoint.js';
import { jsonEndpointRequest } from './harness/fuzz-request.js';
import { fuzzTestTimeout } from './harness/fuzz-settings.js';
import { tokens, useSecurityStack } from './harness/security-stack.js';
import { seedStore, type StoreFixture } from './harness/store-fixtures.js';

describe('fuzzing the courier service (contract §5)', () => {
  const stack = useSecurityStack('sec_fuzz_courier', ['courier', 'customer']);
  const target = () => ({ baseUrl: stack.url('courier'), counter: stack.storeCounter! });
  const authorization = `Bearer ${tokens.courier()}`;
  let store: StoreFixture;

  beforeAll(async () => {
    store = await seedStore(stack, tokens.customer(), tokens.courier());
  });

  it(
    'GET /orders_to_deliver ignores junk queries, bodies and headers',
    async () => {
      const statuses = await fuzzEndpoint(
        target(),
        jsonEndpointRequest('GET', '/orders_to_deliver', {}, authorization),
      );
      expect(statuses).toContain(200);
    },
    fuzzTestTimeout(),
  );

  it(
    'POST /pick_up_order never fails and a refused pick-up changes no order',
    async () => {
      const ids = [...store.created, ...store.pending, ...store.complete];
      const statuses = await fuzzEndpoint(
        target(),
        jsonEndpointRequest('POST', '/pick_up_order', { id: idValue(ids) }, authorization),
      );
      expect(statuses).toContain(200);
      expect(statuses).toContain(400);
    },
    fuzzTestTimeout(),
  );
});
