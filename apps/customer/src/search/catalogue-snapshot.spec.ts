import { describe, expect, it } from 'vitest';
import { CatalogueSnapshot } from './catalogue-snapshot.js';

const example = [
  { id: 1, name: 'Apple', price: 1.25, categories: ['Fruit', 'Organic'] },
  { id: 2, name: 'Pear', price: 0.9, categories: ['Fruit'] },
  { id: 3, name: 'Milk', price: 2, categories: ['Dairy'] },
  { id: 4, name: '100%_pure*', price: 5, categories: ['a_b', 'Fruit'] },
  { id: 5, name: 'apple', price: 3, categories: ['fruit'] },
];

function search(name: string, category: string, match?: 'insensitive') {
  const snapshot = new CatalogueSnapshot();
  snapshot.add(example);
  const body = JSON.parse(snapshot.searchJson({ name, category, match }));
  return {
    categories: [...body.categories].sort(),
    products: body.products.map((product: { id: number }) => product.id).sort(),
  };
}

describe('CatalogueSnapshot search (contract §4.1)', () => {
  it.each([
    ['', '', ['Dairy', 'Fruit', 'Organic', 'a_b', 'fruit'], [1, 2, 3, 4, 5]],
    ['e', '', ['Fruit', 'Organic', 'a_b', 'fruit'], [1, 2, 4, 5]],
    ['ea', '', ['Fruit'], [2]],
    ['', 'Dai', ['Dairy'], [3]],
    ['Apple', '', ['Fruit', 'Organic'], [1]],
    ['apple', '', ['fruit'], [5]],
    ['', 'Organic', ['Organic'], [1]],
    ['Pear', 'Organic', [], []],
    ['%', '', ['Fruit', 'a_b'], [4]],
    ['%_', '', ['Fruit', 'a_b'], [4]],
    ['_', '_', ['a_b'], [4]],
    ['*', '', ['Fruit', 'a_b'], [4]],
    ['', '%', [], []],
    ['x', '', [], []],
    ['', 'ruit', ['Fruit', 'fruit'], [1, 2, 4, 5]],
  ])('name %j, category %j → categories %j, products %j', (name, category, categories, products) => {
    expect(search(name, category)).toEqual({ categories, products });
  });

  it('lists a product once with all of its categories, even when several match', () => {
    const snapshot = new CatalogueSnapshot();
    snapshot.add(example);
    const body = JSON.parse(snapshot.searchJson({ name: 'Apple', category: 'r' }));
    expect(body).toEqual({
      categories: ['Fruit', 'Organic'],
      products: [{ categories: ['Fruit', 'Organic'], id: 1, name: 'Apple', price: 1.25 }],
    });
  });

  it('answers the empty shape when nothing matches', () => {
    expect(new CatalogueSnapshot().searchJson({ name: '', category: '' })).toBe('{"categories":[],"products":[]}');
  });

  it('grows by id and skips what it already holds', () => {
    const snapshot = new CatalogueSnapshot();
    snapshot.add(example.slice(0, 2));
    expect(snapshot.version).toBe(2);
    snapshot.add(example.slice(1));
    expect(snapshot.size).toBe(5);
    expect(snapshot.version).toBe(5);
    snapshot.add([], 9);
    expect(snapshot.version).toBe(9);
  });
});

describe('CatalogueSnapshot search with match=insensitive (criteria come folded)', () => {
  it.each([
    ['app', '', ['Fruit', 'Organic', 'fruit'], [1, 5]],
    ['apple', 'fruit', ['Fruit', 'fruit'], [1, 5]],
    ['', 'organic', ['Organic'], [1]],
    ['', 'a_b', ['a_b'], [4]],
    ['pure*', '', ['Fruit', 'a_b'], [4]],
    ['milk', 'fruit', [], []],
  ])('name %j, category %j → categories %j, products %j', (name, category, categories, products) => {
    expect(search(name, category, 'insensitive')).toEqual({ categories, products });
  });

  it('leaves the exact search as it was', () => {
    expect(search('APP', '')).toEqual({ categories: [], products: [] });
    expect(search('app', '')).toEqual({ categories: ['fruit'], products: [5] });
  });
});
