import { httpClient, signTestToken, type HttpClient, type RunningTestApp } from '@shopwire/testing';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';

const customer = signTestToken('ana@example.org', 'customer');
const owner = signTestToken('onlymoney@gmail.com', 'owner');

interface SearchBody {
  categories: string[];
  products: { categories: string[]; id: number; name: string; price: number }[];
}

/** Both lists are unordered in the contract: compare them sorted. */
function sorted(body: SearchBody) {
  return {
    categories: [...body.categories].sort(),
    products: body.products
      .map((product) => ({ ...product, categories: [...product.categories].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe('GET /search (contract §4.1)', () => {
  let stack: StoreStack;
  let ownerApp: RunningTestApp;
  let replicas: RunningTestApp[];
  let customers: HttpClient[];

  const importCsv = async (content: string) => {
    const form = new FormData();
    form.append('file', new Blob([content]), 'products.csv');
    const response = await httpClient(ownerApp.url).postForm('/update', form, { token: owner });
    expect(response.status).toBe(200);
  };
  const search = async (query: string, replica = 0): Promise<SearchBody> => {
    const response = await customers[replica].get(`/search${query}`, { token: customer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return response.body;
  };
  const names = (body: SearchBody) => body.products.map((product) => product.name).sort();

  beforeAll(async () => {
    // Two customer replicas, each with its own in-memory catalogue.
    stack = await startStoreStack({ label: 'customer_search', owner: 1, customer: 2 });
    [ownerApp] = stack.apps.owner;
    replicas = stack.apps.customer;
    customers = stack.customers;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it.each([
    ['no token', undefined],
    ['an owner token', owner],
    ['a courier token', signTestToken('c@example.org', 'courier')],
    ['a token signed with another secret', signTestToken('ana@example.org', 'customer', {}, 'x'.repeat(40))],
  ])('refuses %s with 401', async (_label, token) => {
    const response = await customers[0].get('/search', token ? { token } : {});
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ msg: 'Missing Authorization Header' });
  });

  it('answers an empty store with exactly the empty shape', async () => {
    const response = await customers[0].get('/search?name=x', { token: customer });
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"categories":[],"products":[]}');
  });

  it('follows the worked example of §7, steps 1–2', async () => {
    await importCsv('Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2');
    const byName = sorted(await search('?name=e'));
    expect(byName.categories).toEqual(['Fruit', 'Organic']);
    expect(byName.products.map(({ categories, name, price }) => ({ categories, name, price }))).toEqual([
      { categories: ['Fruit', 'Organic'], name: 'Apple', price: 1.25 },
      { categories: ['Fruit'], name: 'Pear', price: 0.9 },
    ]);
    for (const product of byName.products) {
      expect(Object.keys(product).sort()).toEqual(['categories', 'id', 'name', 'price']);
      expect(Number.isInteger(product.id) && product.id > 0).toBe(true);
    }
    const dairy = await search('?category=Dai');
    expect(dairy.categories).toEqual(['Dairy']);
    expect(dairy.products.map(({ categories, name, price }) => ({ categories, name, price }))).toEqual([
      { categories: ['Dairy'], name: 'Milk', price: 2 },
    ]);
  });

  it('lists everything without parameters, and a product once with all its categories', async () => {
    expect(sorted(await search('')).categories).toEqual(['Dairy', 'Fruit', 'Organic']);
    const viaTwoCategories = await search('?name=Apple&category=r');
    expect(viaTwoCategories.products).toHaveLength(1);
    expect(sorted(viaTwoCategories).products[0].categories).toEqual(['Fruit', 'Organic']);
    const viaOneCategory = await search('?name=Apple&category=Organic');
    expect(viaOneCategory.categories).toEqual(['Organic']);
    expect(sorted(viaOneCategory).products[0].categories).toEqual(['Fruit', 'Organic']);
  });

  it('uses the first value of a repeated parameter', async () => {
    expect(names(await search('?name=Milk&name=Apple'))).toEqual(['Milk']);
    expect((await search('?category=Organic&category=Dairy')).categories).toEqual(['Organic']);
  });

  it('matches case-sensitively and takes %, _, * and \\ literally', async () => {
    await importCsv('Odd,100% pure,1\nOdd,a_b,1\nOdd,a*b,1\nOdd,back\\slash,1\n"x,y",comma,1\nOdd,axb,1');
    expect(names(await search('?name=apple'))).toEqual([]);
    expect(names(await search('?name=APPLE'))).toEqual([]);
    expect(names(await search('?name=%25'))).toEqual(['100% pure']);
    expect(names(await search('?name=_'))).toEqual(['a_b']);
    expect(names(await search('?name=*'))).toEqual(['a*b']);
    expect(names(await search('?name=%5C'))).toEqual(['back\\slash']);
    expect(names(await search('?name=a%25b'))).toEqual([]);
    expect(names(await search('?category=x,y'))).toEqual(['comma']);
    expect(await search('?category=%25')).toEqual({ categories: [], products: [] });
  });

  it('matches case-insensitively with match=insensitive, on names and categories (issue 20)', async () => {
    await importCsv('Obst|BIO,Äpfel,2\nGetränke,Straße Saft,3');
    expect(names(await search('?name=app&match=insensitive'))).toEqual(['Apple']);
    expect(names(await search('?name=APP&match=insensitive'))).toEqual(['Apple']);
    expect(names(await search('?name=app'))).toEqual([]);
    expect(names(await search('?name=äPF&match=insensitive'))).toEqual(['Äpfel']);
    expect(names(await search('?name=STRASSE&match=insensitive'))).toEqual(['Straße Saft']);
    const byCategory = await search('?category=bio&match=insensitive');
    expect(sorted(byCategory)).toEqual({
      categories: ['BIO'],
      products: [{ categories: ['BIO', 'Obst'], id: expect.any(Number), name: 'Äpfel', price: 2 }],
    });
    expect((await search('?name=pfel&category=obst&match=insensitive')).categories).toEqual(['Obst']);
  });

  it('answers the contract search byte for byte without match or with match=exact', async () => {
    for (const query of ['?name=e', '?category=Fruit', '']) {
      const plain = await customers[0].get(`/search${query}`, { token: customer });
      const exact = await customers[0].get(`/search${query}${query ? '&' : '?'}match=exact`, { token: customer });
      expect(exact.text).toBe(plain.text);
    }
  });

  it('refuses an unknown match value with 400, after the guard', async () => {
    for (const match of ['Insensitive', 'fuzzy', 'EXACT']) {
      const response = await customers[0].get(`/search?name=a&match=${match}`, { token: customer });
      expect(response.status).toBe(400);
      expect(response.text).toBe(JSON.stringify({ message: 'Invalid match option.' }));
    }
    const anonymous = await customers[0].get('/search?match=fuzzy');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ msg: 'Missing Authorization Header' });
  });

  it('shows a product imported on the owner service on the very next search of every replica', async () => {
    for (let round = 0; round < 3; round++) {
      // Warm both replicas' caches for the exact query first.
      expect(names(await search(`?name=Fresh ${round}`, 0))).toEqual([]);
      expect(names(await search(`?name=Fresh ${round}`, 1))).toEqual([]);
      await importCsv(`Fresh,Fresh ${round},${round + 1}`);
      expect(names(await search(`?name=Fresh ${round}`, 0))).toEqual([`Fresh ${round}`]);
      expect(names(await search(`?name=Fresh ${round}`, 1))).toEqual([`Fresh ${round}`]);
    }
  });

  it('ignores a JSON body sent with the GET (contract §0.2)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${replicas[0].url}/search?name=Milk`, {
        method: 'GET',
        headers: { authorization: `Bearer ${customer}`, 'content-type': 'application/json', 'content-length': '2' },
      });
      request.on('response', (response) => resolve(response.resume().statusCode ?? 0)).on('error', reject);
      request.end('{}');
    });
    expect(status).toBe(200);
  });

  it('documents the endpoint in the OpenAPI document', async () => {
    const document = (await customers[0].get('/docs-json')).body;
    expect(Object.keys(document.paths['/search'].get.responses)).toEqual(expect.arrayContaining(['200', '401']));
  });

  it('serves concurrent searches consistently while the catalogue grows', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => search(i % 2 === 0 ? '?category=Fruit' : '', i % 2));
    const bodies = await Promise.all([...requests, importCsv('Fruit,Late fruit,1').then(() => null)]);
    for (const body of bodies) if (body) expect(body.categories).toContain('Fruit');
    expect(names(await search('?category=Fruit', 1))).toContain('Late fruit');
  });
});
