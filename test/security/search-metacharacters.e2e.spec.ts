import { httpClient, type HttpClient } from '@shopwire/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokens, useSecurityStack } from './harness/security-stack.js';

const UNICODE_NAMES = [
  '🍎 Äpfel',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 product',
  'e\u0301clair',
  'éclair',
  'ǅemal',
  'Ǆemal',
  'STRASSE',
  'straße',
  '中文 商品',
  '\u202Eevil',
  'family 👩‍👩‍👧‍👦',
];
const METACHARACTER_NAMES = [
  '100% juice',
  '100 juice',
  'a_b',
  'axb',
  'back\\slash',
  'backslash',
  "O'Reilly",
  'O Reilly',
  '"quoted"',
  'semi;colon--',
  "'; DROP TABLE products; --",
  '*star',
  'star',
];
const UNICODE_CATEGORY = 'Früchte 🍓';
const META_CATEGORY = 'Meta %_\\';

/** One CSV line; every value quoted (RFC 4180) so that quotes and semicolons stay verbatim. */
const csvLine = (category: string, name: string, price: string) =>
  [category, name, price].map((value) => `"${value.replaceAll('"', '""')}"`).join(',');

describe('hostile names through /update and /search (contract §3.1, §4.1)', () => {
  const stack = useSecurityStack('sec_search_meta', ['owner', 'customer']);
  let customer: HttpClient;

  async function productNames(query: string): Promise<string[]> {
    const response = await customer.get(`/search?${query}`, { token: tokens.customer() });
    expect(response.status, response.text).toBe(200);
    return (response.body.products as Array<{ name: string }>).map((product) => product.name).sort();
  }

  beforeAll(async () => {
    customer = httpClient(stack.url('customer'));
    const lines = [
      ...UNICODE_NAMES.map((name) => csvLine(UNICODE_CATEGORY, name, '1.5')),
      ...METACHARACTER_NAMES.map((name) => csvLine(META_CATEGORY, name, '2')),
    ];
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')]), 'hostile.csv');
    const upload = await httpClient(stack.url('owner')).postForm('/update', form, { token: tokens.owner() });
    expect(upload.status, upload.text).toBe(200);
  });

  it.each(UNICODE_NAMES)('round-trips %j exactly, as its own product', async (name) => {
    expect(await productNames(`name=${encodeURIComponent(name)}`)).toContain(name);
  });

  it('keeps canonically equivalent and case-variant names apart', async () => {
    expect(await productNames(`name=${encodeURIComponent('éclair')}`)).toEqual(['éclair']);
    expect(await productNames(`name=${encodeURIComponent('e\u0301clair')}`)).toEqual(['e\u0301clair']);
    expect(await productNames(`name=${encodeURIComponent('ǅemal')}`)).toEqual(['ǅemal']);
    expect(await productNames(`name=${encodeURIComponent('straße')}`)).toEqual(['straße']);
  });

  it('finds Unicode categories, with every product of them', async () => {
    const response = await customer.get(`/search?category=${encodeURIComponent('🍓')}`, { token: tokens.customer() });
    expect(response.body.categories).toEqual([UNICODE_CATEGORY]);
    expect((response.body.products as Array<{ name: string }>).map((p) => p.name).sort()).toEqual(
      [...UNICODE_NAMES].sort(),
    );
  });

  it.each([
    ['%', ['100% juice']],
    ['_', ['a_b']],
    ['\\', ['back\\slash']],
    ["'", ["'; DROP TABLE products; --", "O'Reilly"]],
    ['"', ['"quoted"']],
    ['*', ['*star']],
    ['--', ["'; DROP TABLE products; --", 'semi;colon--']],
    ['%_', []],
    ["' OR '1'='1", []],
  ])('takes name=%j literally (no LIKE wildcard, no SQL)', async (needle, expected) => {
    expect(await productNames(`name=${encodeURIComponent(needle)}`)).toEqual([...expected].sort());
  });

  it.each([
    ['%', true],
    ['_', true],
    ['\\', true],
    ['%x', false],
    ['__', false],
  ])('takes category=%j literally', async (needle, matches) => {
    const response = await customer.get(`/search?category=${encodeURIComponent(needle)}`, { token: tokens.customer() });
    expect(response.body.categories).toEqual(matches ? [META_CATEGORY] : []);
    expect(response.body.products).toHaveLength(matches ? METACHARACTER_NAMES.length : 0);
  });

  it('stored the injection attempt as a name, and the tables are all still there', async () => {
    expect(await productNames('')).toHaveLength(UNICODE_NAMES.length + METACHARACTER_NAMES.length);
    expect(await stack.storeCounter!.counts()).toMatchObject({
      products: UNICODE_NAMES.length + METACHARACTER_NAMES.length,
      categories: 2,
    });
  });

  it('refuses SQL in an order id as an invalid id', async () => {
    const response = await customer.post(
      '/order',
      { requests: [{ id: '1 OR 1=1', quantity: 1 }] },
      { token: tokens.customer() },
    );
    expect(response.body).toEqual({ message: 'Invalid product id for request number 0.' });
  });
});
