import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idValue } from './harness/field-values.js';
import { fuzzEndpoint } from './harness/fuzz-endpoint.js';
import { jsonEndpointRequest } from './harness/fuzz-request.js';
import { fuzzTestTimeout } from './harness/fuzz-settings.js';
import { itFuzzes } from './harness/fuzz-test.js';
import { hostileJson } from './harness/hostile-values.js';
import { uploadRequest } from './harness/multipart-bodies.js';
import { tokens, useSecurityStack } from './harness/security-stack.js';

describe('fuzzing the owner service (contract §3)', () => {
  const stack = useSecurityStack('sec_fuzz_owner', ['owner']);
  const target = () => ({ baseUrl: stack.url('owner'), counter: stack.storeCounter! });

  it(
    'POST /update never fails, hangs or leaks, and a refused file adds nothing',
    async () => {
      const statuses = await fuzzEndpoint(target(), uploadRequest(`Bearer ${tokens.owner()}`));
      expect(statuses).toContain(200);
      expect(statuses).toContain(400);
    },
    fuzzTestTimeout(),
  );

  it.each(['/product_statistics', '/category_statistics', '/revenue_statistics', '/products', '/orders'])(
    'GET %s ignores junk queries, bodies and headers',
    async (path) => {
      const statuses = await fuzzEndpoint(target(), jsonEndpointRequest('GET', path, {}, `Bearer ${tokens.owner()}`));
      expect(statuses).toContain(200);
    },
    fuzzTestTimeout(),
  );

  // Additive owner endpoint (issue 20 item 7); runs after the import fuzz above added products.
  itFuzzes(
    'POST /update_product never fails and a refused change writes nothing',
    target,
    () => {
      // Mostly valid field values: the bodies already put hostile values in any field (one broken,
      // or each mixed). With hostile ones at even odds here too, a valid change was so rare that
      // a run of 200 requests once had no 200 at all and failed the suite.
      const mostly = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>) =>
        fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostile, weight: 1 });
      return jsonEndpointRequest(
        'POST',
        '/update_product',
        {
          id: mostly(fc.constantFrom(1, 2, 3), idValue([1, 2, 3])),
          price: mostly(fc.double({ min: 0.01, max: 1e6, noNaN: true }), hostileJson),
          onSale: mostly(fc.boolean(), hostileJson),
        },
        `Bearer ${tokens.owner()}`,
      );
    },
    [200, 400],
  );
});
