import { Messages, type OwnerProduct } from '@shopwire/contracts';
import { signTestToken, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';

const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const ANA = signTestToken('ana@example.org', 'customer');

/** GET /products and POST /update_product over HTTP (issue 20 item 7, docs/api.md). */
describe('the owner’s products: GET /products, POST /update_product', () => {
  let stack: StoreStack;
  let owner: HttpClient;
  let customer: HttpClient;
  let ids: Record<string, number>;

  const importCsv = async (content: string) => {
    const form = new FormData();
    form.append('file', new Blob([content]), 'products.csv');
    return owner.postForm('/update', form, { token: OWNER });
  };
  const update = (body: unknown) => owner.post('/update_product', body, { token: OWNER });
  const products = async (): Promise<OwnerProduct[]> => {
    const response = await owner.get('/products', { token: OWNER });
    expect(response.status).toBe(200);
    return response.body.products;
  };

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'owner_products', owner: 1, customer: 1 });
    owner = stack.owner;
    customer = stack.customer;
    expect((await importCsv('Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2')).status).toBe(200);
    ids = Object.fromEntries((await products()).map((p) => [p.name, p.id]));
  });
  afterAll(() => stack?.close());

  it.each([
    ['GET', '/products'],
    ['POST', '/update_product'],
  ])('%s %s refuses anything but an owner token with the contract’s 401, before the body', async (method, path) => {
    for (const token of [undefined, ANA, signTestToken('bob@example.org', 'courier')]) {
      const response =
        method === 'GET' ? await owner.get(path, { token }) : await owner.post(path, { id: 'bad' }, { token });
      expect(response.status).toBe(401);
      expect(response.text).toBe('{"msg":"Missing Authorization Header"}');
    }
  });

  it('lists every product by id with its categories and sale state', async () => {
    expect(await products()).toEqual([
      { id: ids.Apple, name: 'Apple', price: 1.25, categories: ['Fruit', 'Organic'], onSale: true },
      { id: ids.Pear, name: 'Pear', price: 0.9, categories: ['Fruit'], onSale: true },
      { id: ids.Milk, name: 'Milk', price: 2, categories: ['Dairy'], onSale: true },
    ]);
  });

  it.each([
    ['no body', undefined, Messages.missingProductId],
    ['a body that is not JSON', 'not json', Messages.missingProductId],
    ['id null', { id: null, price: 1 }, Messages.missingProductId],
    ['a string id', { id: '1', price: 1 }, Messages.invalidUpdateProductId],
    ['id 0', { id: 0, price: 1 }, Messages.invalidUpdateProductId],
    ['a fractional id', { id: 1.5, price: 1 }, Messages.invalidUpdateProductId],
    ['neither price nor onSale', { id: 1 }, Messages.nothingToUpdate],
    ['both null', { id: 1, price: null, onSale: null }, Messages.nothingToUpdate],
    ['price 0', { id: 1, price: 0 }, Messages.invalidUpdatePrice],
    ['a negative price', { id: 1, price: -2 }, Messages.invalidUpdatePrice],
    ['a price as text', { id: 1, price: '2' }, Messages.invalidUpdatePrice],
    ['onSale as text', { id: 1, onSale: 'false' }, Messages.invalidOnSale],
    ['onSale as a number', { id: 1, price: 3, onSale: 0 }, Messages.invalidOnSale],
    ['an unknown id', { id: 999_999, price: 3 }, Messages.invalidUpdateProductId],
    ['an id beyond any column', { id: 10_000_000_000, onSale: false }, Messages.invalidUpdateProductId],
  ])('answers 400 for %s, changing nothing', async (_label, body, message) => {
    const before = await products();
    const response = await update(body);
    expect(response.status).toBe(400);
    expect(response.text).toBe(JSON.stringify({ message }));
    expect(await products()).toEqual(before);
  });

  it('checks the price before onSale and the product last', async () => {
    expect((await update({ id: 999_999, price: 0, onSale: 'x' })).body).toEqual({
      message: Messages.invalidUpdatePrice,
    });
    expect((await update({ id: 999_999, price: 1, onSale: 'x' })).body).toEqual({ message: Messages.invalidOnSale });
  });

  it('changes a price and answers the product as it now is; orders keep the price they were placed with', async () => {
    const placed = await customer.post('/order', { requests: [{ id: ids.Pear, quantity: 3 }] }, { token: ANA });
    expect(placed.status).toBe(200);
    const response = await update({ id: ids.Pear, price: 1.1 });
    expect(response.status).toBe(200);
    expect(response.text).toBe(
      JSON.stringify({ id: ids.Pear, name: 'Pear', price: 1.1, categories: ['Fruit'], onSale: true }),
    );
    const again = await customer.post('/order', { requests: [{ id: ids.Pear, quantity: 3 }] }, { token: ANA });
    const status = (await customer.get('/status', { token: ANA })).body.orders;
    expect(status.map((o: { price: number }) => o.price)).toEqual([2.7, 3.3]);
    expect(status.map((o: { products: Array<{ price: number }> }) => o.products[0].price)).toEqual([0.9, 1.1]);
    const owned = (await owner.get('/orders', { token: OWNER })).body.orders;
    expect(owned.map((o: { id: number; total: number }) => [o.id, o.total])).toEqual([
      [again.body.id, 3.3],
      [placed.body.id, 2.7],
    ]);
  });

  it('takes a product off sale and back: hidden from search, refused by /order at check 3, kept in /products', async () => {
    const warm = await customer.post('/order', { requests: [{ id: ids.Milk, quantity: 1 }] }, { token: ANA });
    expect(warm.status).toBe(200); // Milk's price is now known to the customer app (ADR 0014)
    const off = await update({ id: ids.Milk, onSale: false });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ id: ids.Milk, name: 'Milk', price: 2, categories: ['Dairy'], onSale: false });
    expect((await customer.get('/search?category=Dai', { token: ANA })).text).toBe('{"categories":[],"products":[]}');
    const everything = (await customer.get('/search', { token: ANA })).body;
    expect(everything.products.map((p: { name: string }) => p.name).sort()).toEqual(['Apple', 'Pear']);
    expect(everything.categories.sort()).toEqual(['Fruit', 'Organic']);
    const refused = await customer.post(
      '/order',
      {
        requests: [
          { id: ids.Apple, quantity: 1 },
          { id: ids.Milk, quantity: 1 },
        ],
        deliveryLocation: 'nowhere',
      },
      { token: ANA },
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toBe(JSON.stringify({ message: Messages.invalidProduct(1) }));
    expect((await products()).find((p) => p.name === 'Milk')?.onSale).toBe(false);
    // The import still knows the name (contract §3.1 check 4 is about existing products).
    expect((await importCsv('Dairy,Milk,3')).text).toBe(JSON.stringify({ message: Messages.productExists('Milk') }));

    expect((await update({ id: ids.Milk, onSale: true, price: 2.5 })).body.onSale).toBe(true);
    expect((await customer.get('/search?name=Milk', { token: ANA })).body.products).toEqual([
      { categories: ['Dairy'], id: ids.Milk, name: 'Milk', price: 2.5 },
    ]);
    const back = await customer.post('/order', { requests: [{ id: ids.Milk, quantity: 2 }] }, { token: ANA });
    expect(back.status).toBe(200);
    const [newest] = (await owner.get('/orders', { token: OWNER })).body.orders;
    expect(newest).toMatchObject({
      id: back.body.id,
      total: 5,
      items: [{ id: ids.Milk, name: 'Milk', price: 2.5, quantity: 2 }],
    });
  });

  it('documents both endpoints in the OpenAPI document', async () => {
    const { paths } = (await owner.get('/docs-json')).body;
    expect(Object.keys(paths['/products'].get.responses)).toEqual(expect.arrayContaining(['200', '401']));
    expect(Object.keys(paths['/update_product'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
  });
});
