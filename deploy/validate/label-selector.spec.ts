import { describe, expect, it } from 'vitest';
import { selectorMatches, serviceSelects } from './label-selector.js';

const pod = { app: 'auth', tier: 'api' };

describe('selectorMatches', () => {
  it.each([
    [{}, true],
    [{ matchLabels: { app: 'auth' } }, true],
    [{ matchLabels: { app: 'store' } }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: ['auth', 'x'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['auth'] }] }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
    [{ matchLabels: { app: 'auth' }, matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
  ])('%j → %s', (selector, expected) => {
    expect(selectorMatches(selector, pod)).toBe(expected);
  });
});

describe('serviceSelects', () => {
  it('selects nothing with an empty selector, unlike a NetworkPolicy podSelector', () => {
    expect(serviceSelects({}, pod)).toBe(false);
    expect(serviceSelects(undefined, pod)).toBe(false);
    expect(serviceSelects({ app: 'auth' }, pod)).toBe(true);
  });
});
