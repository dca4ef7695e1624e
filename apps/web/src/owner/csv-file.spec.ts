import { describe, expect, it } from 'vitest';
import { csvLines, csvValues, lineOfProduct, summariseImport } from './csv-file';

describe('reading a catalogue CSV like /update does (contract §3.1)', () => {
  it('numbers lines from 0, drops \\r, and does not count the text after a final line break', () => {
    expect(csvLines('')).toEqual([]);
    expect(csvLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(csvLines('a\n\nb')).toEqual(['a', '', 'b']);
    expect(csvLines('\n')).toEqual(['']);
  });

  it('splits values with RFC 4180 quotes only where a value opens with one', () => {
    expect(csvValues('Tools,"Wrench, 10 mm",4.5')).toEqual(['Tools', 'Wrench, 10 mm', '4.5']);
    expect(csvValues('A,"say ""hi""",1')).toEqual(['A', 'say "hi"', '1']);
    expect(csvValues('A,a"b,1')).toEqual(['A', 'a"b', '1']);
    expect(csvValues('A,,')).toEqual(['A', '', '']);
  });

  it('summarises an accepted file: products with their categories, distinct categories in order', () => {
    const summary = summariseImport('Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\n||Dairy|,Milk, 2 \n');
    expect(summary.categories).toEqual(['Fruit', 'Organic', 'Dairy']);
    expect(summary.products).toEqual([
      { name: 'Apple', categories: ['Fruit', 'Organic'], price: 1.25 },
      { name: 'Pear', categories: ['Fruit'], price: 0.9 },
      { name: 'Milk', categories: ['Dairy'], price: 2 },
    ]);
  });

  it('finds the line of a duplicate product: its second use in the file, else its only one', () => {
    const text = 'A,Apple,1\nA,"Pear",2\nA,Apple,3';
    expect(lineOfProduct(text, 'Apple')).toBe(2);
    expect(lineOfProduct(text, 'Pear')).toBe(1);
    expect(lineOfProduct(text, 'Plum')).toBeUndefined();
  });
});
