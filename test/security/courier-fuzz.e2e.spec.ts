import { beforeAll, describe } from 'vitest';
import { idValue } from './harness/field-values.js';
import { jsonEndpointRequest } from './harness/fuzz-request.js';
import { itFuzzes } from './harness/fuzz-test.js';
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

  itFuzzes(
    'GET /orders_to_deliver ignores junk queries, bodies and headers',
    target,
    () => jsonEndpointRequest('GET', '/orders_to_deliver', {}, authorization),
    [200],
  );

  itFuzzes(
    'POST /pick_up_order never fails and a refused pick-up changes no order',
    target,
    () => {
      const ids = [...store.created, ...store.pending, ...store.complete];
      return jsonEndpointRequest('POST', '/pick_up_order', { id: idValue(ids) }, authorization);
    },
    [200, 400],
  );
});
