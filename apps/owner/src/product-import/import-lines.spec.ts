import { describe, expect, it } from 'vitest';
import { checkImportFile, checkImportLine, firstTakenName, parsePrice } from './import-lines.js';

const values = (line: number) => ({ ok: false, message: `Incorrect number of values on line ${line}.` });
const price = (line: number) => ({ ok: false, message: `Incorrect price on line ${line}.` });

describe('checkImportLine (checks 3a and 3b)', () => {
  it.each([
    ['Fruit|Organic,Apple,1.25', { name: 'Apple', price: 1.25, categories: ['Fruit', 'Organic'] }],
    ['Fruit,Pear,0.9', { name: 'Pear', price: 0.9, categories: ['Fruit'] }],
    ['|Fruit||Organic|,Apple,2', { name: 'Apple', price: 2, categories: ['Fruit', 'Organic'] }],
    ['Fruit|Fruit,Apple,2', { name: 'Apple', price: 2, categories: ['Fruit'] }],
    ['Tools,"Wrench, 10 mm",4.5', { name: 'Wrench, 10 mm', price: 4.5, categories: ['Tools'] }],
    ['" a ", b ,  3  ', { name: ' b ', price: 3, categories: [' a '] }],
    ['f,n,+.5e1', { name: 'n', price: 5, categories: ['f'] }],
    ['f,n,5.', { name: 'n', price: 5, categories: ['f'] }],
    ['f,n,12.3', { name: 'n', price: 12.3, categories: ['f'] }],
    ['F,%_\\*,1', { name: '%_\\*', price: 1, categories: ['F'] }],
  ])('%j is a product', (line, product) => {
    expect(checkImportLine(line, 0)).toEqual({ ok: true, product });
  });

  it.each([
    ['', values(4)],
    ['a,b', values(4)],
    ['a,b,1,2', values(4)],
    ['a,,1', values(4)],
    [',b,1', values(4)],
    ['|||,b,1', values(4)],
    ['a,"b,1', values(4)],
    ['a,"b,c",', price(4)],
    ['a,b,', price(4)],
    ['a,b,abc', price(4)],
    ['a,b,0', price(4)],
    ['a,b,0.0', price(4)],
    ['a,b,-1.5', price(4)],
    ['a,b,NaN', price(4)],
    ['a,b,Infinity', price(4)],
    ['a,b,1e999', price(4)],
    ['a,b,1e-999', price(4)],
    ['a,b,0x10', price(4)],
    ['a,b,1 000', price(4)],
    ['a,b,\t1', price(4)],
    ['a,b,.', price(4)],
    ['a,b,1e', price(4)],
    ['a,,abc', values(4)],
  ])('%j fails with %j', (line, failure) => {
    expect(checkImportLine(line, 4)).toEqual(failure);
  });
});

describe('parsePrice', () => {
  it.each([
    ['1.25', 1.25],
    [' 7 ', 7],
    ['1E2', 100],
    ['-0', null],
    ['+1', 1],
    ['.5', 0.5],
    ['1,5', null],
  ])('%j → %j', (text, expected) => {
    expect(parsePrice(text)).toBe(expected);
  });
});

describe('checkImportFile', () => {
  it('reads the example file of §3.1', () => {
    const check = checkImportFile('Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2');
    expect(check.ok && check.products.map((p) => p.name)).toEqual(['Apple', 'Pear', 'Milk']);
  });

  it.each([
    ['', { ok: true, products: [] }],
    ['\n', values(0)],
    ['a,b,1\n\n', values(1)],
    ['a,b,1\r\nc,d,x\r\n', price(1)],
    ['a,b,x\nbroken', price(0)],
    ['broken\na,b,x', values(0)],
    ['a,b,1\na,b,1\nc,d', values(2)],
  ])('%j → %j', (text, expected) => {
    expect(checkImportFile(text)).toEqual(expected);
  });
});

describe('firstTakenName (check 4)', () => {
  const products = (...names: string[]) => names.map((name) => ({ name, price: 1, categories: ['c'] }));

  it.each([
    [['A', 'B'], [], null],
    [['A', 'B', 'A'], [], 'A'],
    [['A', 'B', 'C'], ['C'], 'C'],
    [['A', 'B', 'B', 'C'], ['C'], 'B'],
    [['a', 'A'], [], null],
    [['x', 'y'], ['X'], null],
  ])('%j against %j → %j', (names, existing, expected) => {
    expect(firstTakenName(products(...names), new Set(existing))).toBe(expected);
  });
});
