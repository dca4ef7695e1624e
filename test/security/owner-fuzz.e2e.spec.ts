import { describe, expect, it } from 'vitest';
import { fuzzEndpoint } from './harness/fuzz-endpoint.js';
import { jsonEndpointRequest } from './harness/fuzz-request.js';
import { fuzzTestTimeout } from './harness/fuzz-settings.js';
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

  it.each(['/product_statistics', '/category_statistics'])(
    'GET %s ignores junk queries, bodies and headers',
    async (path) => {
      const statuses = await fuzzEndpoint(target(), jsonEndpointRequest('GET', path, {}, `Bearer ${tokens.owner()}`));
      expect(statuses).toContain(200);
    },
    fuzzTestTimeout(),
  );
});
