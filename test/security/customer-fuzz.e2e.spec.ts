import fc from 'fast-check';
import { beforeAll, describe } from 'vitest';
import { idValue } from './harness/field-values.js';
import { jsonEndpointRequest } from './harness/fuzz-request.js';
import { itFuzzes } from './harness/fuzz-test.js';
import { hostileJson, hostileString } from './harness/hostile-values.js';
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
    'GET /search?match= is the contract search, the folded one, or a 400 — never a failure',
    target,
    () =>
      jsonEndpointRequest(
        'GET',
        '/search',
        {
          name: fc.string(),
          category: fc.string(),
          match: fc.oneof(fc.constantFrom('exact', 'insensitive'), hostileString),
        },
        authorization,
      ),
    [200, 400],
  );

  itFuzzes(
    'POST /order with a hostile deliveryAddress never fails, and a refused one writes nothing (issue 20)',
    target,
    () => {
      const text = fc.oneof(hostileString, fc.string({ maxLength: 600 }), hostileJson);
      const deliveryAddress = fc.oneof(
        fc.record({ street: text, details: text, phone: text, note: text }, { requiredKeys: [] }),
        fc.record({ street: fc.constant('Main 1'), phone: fc.stringMatching(/^\+?[0-9 ()-]{0,30}$/), note: text }),
        fc.record({
          street: fc.string({ minLength: 1, maxLength: 200 }),
          details: fc.constantFrom(null, '', 'door 2'),
        }),
        fc.constant(null),
        hostileJson,
      );
      const requests = fc.array(
        fc.record({ id: fc.constantFrom(...store.productIds), quantity: fc.integer({ min: 1, max: 9 }) }),
        { minLength: 1, maxLength: 2 },
      );
      return jsonEndpointRequest('POST', '/order', { requests, deliveryAddress }, authorization);
    },
    [200, 400],
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
