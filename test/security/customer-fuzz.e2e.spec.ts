import fc from 'fast-check';
import { beforeAll, describe } from 'vitest';
import { idValue } from './harness/field-values.js';
import { jsonEndpointRequest } from './harness/fuzz-request.js';
import { itFuzzes } from './harness/fuzz-test.js';
import { hostileJson } from './harness/hostile-values.js';
import { tokens, useSecurityStack } from './harness/security-stack.js';
import { seedStore, type StoreFixture } from './harness/store-fixtures.js';

const CUSTOMER = 'fuzz.customer@example.org';

describe('fuzzing the customer service (contract §4)', () => {
  const stack = useSecurityStack('sec_fuzz_customer', ['customer', 'courier']);
  const target = () => ({ baseUrl: stack.url('customer'), counter: stack.storeCounter! });
  const authorization = `Bearer ${tokens.customer(CUSTOMER)}`;
  let store: StoreFixture;

  beforeAll(async () => {
    store = await seedStore(stack, tokens.customer(CUSTOMER), tokens.courier());
  });

  itFuzzes(
    'GET /search takes any query literally and never fails',
    target,
    () => jsonEndpointRequest('GET', '/search', { name: fc.string(), category: fc.string() }, authorization),
    [200],
  );

  itFuzzes(
    'POST /order never fails, hangs or leaks, and a refused order writes nothing',
    target,
    () => {
      const validItem = fc.record({
        id: fc.constantFrom(...store.productIds),
        quantity: fc.integer({ min: 1, max: 9 }),
      });
      const hostileItem = fc.oneof(
        fc.record({ id: idValue(store.productIds), quantity: idValue() }, { requiredKeys: [] }),
        hostileJson,
      );
      const requests = fc.oneof(
        fc.array(validItem, { minLength: 1, maxLength: 3 }),
        fc.array(fc.oneof(validItem, hostileItem), { maxLength: 4 }),
      );
      return jsonEndpointRequest('POST', '/order', { requests }, authorization);
    },
    [200, 400],
  );

  itFuzzes(
    'GET /status ignores junk queries, bodies and headers',
    target,
    () => jsonEndpointRequest('GET', '/status', {}, authorization),
    [200],
  );

  itFuzzes(
    'POST /delivered never fails and a refused confirmation changes no order',
    target,
    () => {
      const ids = [...store.created, ...store.pending, ...store.complete];
      return jsonEndpointRequest('POST', '/delivered', { id: idValue(ids) }, authorization);
    },
    [400],
  );
});
