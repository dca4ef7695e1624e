import { signTestToken, type HttpClient } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';

const UPLOAD_LIMIT = 512 * 1024;
const owner = signTestToken('onlymoney@gmail.com', 'owner');
const customer = signTestToken('ana@example.org', 'customer');
const UNAUTHORIZED = { msg: 'Missing Authorization Header' };

function csvForm(content: string | Uint8Array<ArrayBuffer>, field = 'file'): FormData {
  const form = new FormData();
  form.append(field, new Blob([content]), 'products.csv');
  return form;
}

describe('POST /update (contract §3.1)', () => {
  let stack: StoreStack;
  let client: HttpClient;
  let store: DataSource;

  const upload = (content: string | Uint8Array<ArrayBuffer>, token = owner) =>
    client.postForm('/update', csvForm(content), { token });
  const expectMessage = async (content: string | Uint8Array<ArrayBuffer>, message: string) => {
    const response = await upload(content);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message });
  };
  const counts = async () => {
    const [row] = await store.query(
      `SELECT (SELECT COUNT(*) FROM products) AS products, (SELECT COUNT(*) FROM categories) AS categories,
              (SELECT COUNT(*) FROM product_categories) AS links`,
    );
    return { products: Number(row.products), categories: Number(row.categories), links: Number(row.links) };
  };
  const categoriesOf = async (name: string): Promise<string[]> => {
    const rows = await store.query(
      `SELECT c.name FROM products p JOIN product_categories pc ON pc.product_id = p.id
         JOIN categories c ON c.id = pc.category_id WHERE p.name = ? ORDER BY c.name`,
      [name],
    );
    return rows.map((row: { name: string }) => row.name);
  };
  /** Runs an upload that must fail and checks that it changed nothing. */
  const expectRefusedWithoutChange = async (content: string | Uint8Array<ArrayBuffer>, message: string) => {
    const before = await counts();
    await expectMessage(content, message);
    expect(await counts()).toEqual(before);
  };

  beforeAll(async () => {
    stack = await startStoreStack({
      label: 'owner_update',
      owner: 1,
      env: { UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) },
    });
    client = stack.owner;
    store = stack.dataSource;
  });
  afterAll(async () => {
    await stack?.close();
  });

  describe('guard (check 1)', () => {
    it.each([
      ['no token', undefined],
      ['a customer token', customer],
      ['a courier token', signTestToken('c@example.org', 'courier')],
      ['an expired owner token', signTestToken('o@example.org', 'owner', { exp: 1 })],
    ])('refuses %s with 401', async (_label, token) => {
      const response = await client.postForm('/update', csvForm('Fruit,GuardApple,1'), token ? { token } : {});
      expect(response.status).toBe(401);
      expect(response.body).toEqual(UNAUTHORIZED);
    });

    it('answers 401 before reading the body: an oversized file from a customer is not parsed', async () => {
      const response = await upload('x'.repeat(UPLOAD_LIMIT * 2), customer);
      expect(response.status).toBe(401);
      expect(response.body).toEqual(UNAUTHORIZED);
    });
  });

  describe('check 2: the file part', () => {
    it('refuses a JSON body', async () => {
      const response = await client.post('/update', { file: 'Fruit,Apple,1' }, { token: owner });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: 'Field file is missing.' });
    });

    it('refuses a request without a body', async () => {
      const response = await client.post('/update', undefined, { token: owner });
      expect(response.body).toEqual({ message: 'Field file is missing.' });
    });

    it('refuses an empty form, a file under another name and a text field named file', async () => {
      const textField = new FormData();
      textField.append('file', 'Fruit,Apple,1');
      for (const form of [new FormData(), csvForm('Fruit,Apple,1', 'csv'), textField]) {
        const response = await client.postForm('/update', form, { token: owner });
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ message: 'Field file is missing.' });
      }
    });

    it('refuses a multipart body that is not valid multipart', async () => {
      const response = await client.post('/update', 'garbage', {
        token: owner,
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: 'Field file is missing.' });
    });

    it('reads the file part among other parts', async () => {
      const form = csvForm('Misc,OtherPartsProduct,3');
      form.append('comment', 'ignored');
      form.append('other', new Blob(['not,a,csv,file']), 'other.csv');
      const response = await client.postForm('/update', form, { token: owner });
      expect(response.status).toBe(200);
      expect(await categoriesOf('OtherPartsProduct')).toEqual(['Misc']);
    });
  });

  describe('checks 3a and 3b, line by line', () => {
    it.each([
      ['an empty line', 'F,L1a,1\n\nF,L1b,1', 'Incorrect number of values on line 1.'],
      ['a lone line break', '\n', 'Incorrect number of values on line 0.'],
      ['two values', 'F,L0', 'Incorrect number of values on line 0.'],
      ['four values', 'F,L0,1,2', 'Incorrect number of values on line 0.'],
      ['an empty name', 'F,,1', 'Incorrect number of values on line 0.'],
      ['only empty categories', '||,L0,1', 'Incorrect number of values on line 0.'],
      ['an unterminated quote', 'F,"L0,1', 'Incorrect number of values on line 0.'],
      ['a quoted value across lines', 'F,"L0\nx",1', 'Incorrect number of values on line 0.'],
      ['a zero price', 'F,L0,0.0', 'Incorrect price on line 0.'],
      ['a negative price', 'F,L0,-1.5', 'Incorrect price on line 0.'],
      ['Infinity', 'F,L0,Infinity', 'Incorrect price on line 0.'],
      ['an overflowing price', 'F,L0,1e400', 'Incorrect price on line 0.'],
      ['an empty price', 'F,L0,', 'Incorrect price on line 0.'],
      ['a price error before a value error', 'F,L0,abc\nF,L1', 'Incorrect price on line 0.'],
      ['a value error before a price error', 'F,L0,1\nF,L1\nF,L2,x', 'Incorrect number of values on line 1.'],
      ['check 3 on a later line before check 4', 'F,Dup,1\nF,Dup,1\nF,L2', 'Incorrect number of values on line 2.'],
      ['CRLF line numbers', 'F,A0,1\r\nF,A1,1\r\nF,A2,zero\r\n', 'Incorrect price on line 2.'],
    ])('%s', async (_label, content, message) => {
      await expectRefusedWithoutChange(content, message);
    });
  });

  describe('check 4: names already taken', () => {
    it('refuses a name repeated in the file, naming it', async () => {
      await expectRefusedWithoutChange('F,Once,1\nF,Twice,1\nG,Twice,2', 'Product Twice already exists.');
    });

    it('refuses a name already in the store, first in line order', async () => {
      expect((await upload('F,Stored A,1\nF,Stored B,1')).status).toBe(200);
      await expectRefusedWithoutChange('F,New,1\nF,Again,1\nF,Again,1\nF,Stored A,1', 'Product Again already exists.');
      await expectRefusedWithoutChange('F,New,1\nF,Stored B,1\nF,Stored A,1', 'Product Stored B already exists.');
    });

    it('compares names exactly: case differs, spaces count', async () => {
      expect((await upload('F,Casey,1\nF,casey,1\nF, Casey,1\nF,Casey ,1')).status).toBe(200);
      await expectRefusedWithoutChange('F,CASEY,1\nF,casey,1', 'Product casey already exists.');
    });
  });

  describe('success', () => {
    it('imports the example file: products, categories, links and exact prices', async () => {
      const response = await upload('Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2');
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
      expect(await categoriesOf('Apple')).toEqual(['Fruit', 'Organic']);
      expect(await categoriesOf('Pear')).toEqual(['Fruit']);
      const rows = await store.query(`SELECT name, price FROM products WHERE name IN ('Apple', 'Pear', 'Milk')`);
      expect(Object.fromEntries(rows.map((r: { name: string; price: number }) => [r.name, r.price]))).toEqual({
        Apple: 1.25,
        Pear: 0.9,
        Milk: 2,
      });
    });

    it('reuses categories and creates each name once, case-sensitively', async () => {
      const before = await counts();
      expect((await upload('Fruit|fruit|Fruit,Kiwi,3\n|Fruit|,Plum,12.3\n')).status).toBe(200);
      const after = await counts();
      expect(after.categories - before.categories).toBe(1);
      expect(after.links - before.links).toBe(3);
      expect(await categoriesOf('Kiwi')).toEqual(['Fruit', 'fruit']);
      const [plum] = await store.query(`SELECT price FROM products WHERE name = 'Plum'`);
      expect(plum.price).toBe(12.3);
    });

    it('takes quoted values and keeps names verbatim', async () => {
      const content =
        'Tools,"Wrench, 10 mm",4.5\r\n"Odd|""Cat""",  "quoted ""name"" ",  7 \r\nTools,100% _fun_ \\*,1\r\n';
      expect((await upload(content)).status).toBe(200);
      expect(await categoriesOf('Wrench, 10 mm')).toEqual(['Tools']);
      expect(await categoriesOf('  "quoted ""name"" "')).toEqual(['"Cat"', 'Odd']);
      expect(await categoriesOf('100% _fun_ \\*')).toEqual(['Tools']);
    });

    it('accepts an empty file and changes nothing', async () => {
      const before = await counts();
      const response = await upload('');
      expect(response.status).toBe(200);
      expect(await counts()).toEqual(before);
    });

    it('imports a file larger than one SQL batch whole', async () => {
      const before = await counts();
      const lines = Array.from({ length: 6000 }, (_, i) => `Bulk ${i % 7}|Bulk,Bulk product ${i},${i + 0.5}`);
      expect((await client.postForm('/update', csvForm(lines.join('\n')), { token: owner })).status).toBe(200);
      const after = await counts();
      expect(after.products - before.products).toBe(6000);
      expect(after.categories - before.categories).toBe(8);
      expect(after.links - before.links).toBe(12000);
      expect(await categoriesOf('Bulk product 5999')).toEqual(['Bulk', 'Bulk 0']);
    });
  });

  it('is documented as a multipart upload in the OpenAPI document', async () => {
    const operation = (await client.get('/docs-json')).body.paths['/update'].post;
    expect(operation.requestBody.content['multipart/form-data']).toBeDefined();
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413']));
  });

  describe('upload limit and unreadable content', () => {
    it('answers 413 above UPLOAD_LIMIT_BYTES and changes nothing', async () => {
      const before = await counts();
      const response = await upload(`F,Huge,1\n${'F,x,1\n'.repeat(UPLOAD_LIMIT / 4)}`);
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ message: 'Request body is too large.' });
      expect(await counts()).toEqual(before);
    });

    it('answers binary garbage with a contract 400', async () => {
      const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
      const before = await counts();
      const response = await upload(garbage);
      expect(response.status).toBe(400);
      expect(Object.keys(response.body)).toEqual(['message']);
      expect(await counts()).toEqual(before);
    });

    it('stores invalid UTF-8 bytes of an otherwise valid line as U+FFFD', async () => {
      const bytes = Buffer.concat([Buffer.from('Bytes,Bad'), Buffer.from([0xff, 0xfe]), Buffer.from(' name,1')]);
      expect((await upload(bytes)).status).toBe(200);
      expect(await categoriesOf('Bad\ufffd\ufffd name')).toEqual(['Bytes']);
    });
  });
});
