import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { idValue } from './harness/field-values.js';
import { fuzzEndpoint } from './harness/fuzz-endpoint.js';
import { jsonEndpointRequest } from './harness/fuzz-request.js';
import { fuzzTestTimeout } from './harness/fuzz-settings.js';
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

  it(
    'GET /search takes any query literally and never fails',
    async () => {
      const statuses = await fuzzEndpoint(
        target(),
        jsonEndpointRequest('GET', '/search', { name: fc.string(), category: fc.string() }, authorization),
      );
      expect(statuses).toContain(200);
    },
    fuzzTestTimeout(),
  );

  it(
    'POST /order never fails, hangs or leaks, and a refused order writes nothing',
    async () => {
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
      const statuses = await fuzzEndpoint(target(), jsonEndpointRequest('POST', '/order', { requests }, authorization));
      expect(statuses).toContain(200);
      expect(statuses).toContain(400);
    },
    fuzzTestTimeout(),
  );

  it(
    'GET /status ignores junk queries, bodies and headers',
    async () => {
      const statuses = await fuzzEndpoint(target(), jsonEndpointRequest('GET', '/status', {}, authorization));
      expect(statuses).toContain(200);
    },
    fuzzTestTimeout(),
  );

  it(
    'POST /delivered never fails and a refused confirmation changes no order',
    async () => {
      const ids = [...store.created, ...store.pending, ...store.complete];
      const statuses = await fuzzEndpoint(
        target(),
        jsonEndpointRequest('POST', '/delivered', { id: idValue(ids) }, authorization),
      );
      expect(statuses).toContain(400);
    },
    fuzzTestTimeout(),
  );
});
