import { describe, expect, it } from 'vitest';
import { explainImportError } from './import-errors';

const failure = (detail: string, status = 400) => ({ status, detail });
const FILE = 'Fruit,Apple,1.25\nFruit,Pear,abc\nVeg,Apple,2\nonly-two,values';

describe('explainImportError: the service message for a person, with the line it means', () => {
  it('names and quotes the line of a price error, counting lines from 1; the raw message stays as detail', () => {
    const error = explainImportError(failure('Incorrect price on line 1.'), FILE);
    expect(error.message).toMatch(/^Line 2 has a price that is not a number above 0/);
    expect(error.line).toEqual({ number: 2, text: 'Fruit,Pear,abc' });
    expect(error.detail).toBe('Incorrect price on line 1.');
  });

  it('explains the three values a line needs', () => {
    const error = explainImportError(failure('Incorrect number of values on line 3.'), FILE);
    expect(error.message).toMatch(/^Line 4 does not have the three values/);
    expect(error.line).toEqual({ number: 4, text: 'only-two,values' });
  });

  it('points a duplicate product at the line that repeats it', () => {
    const error = explainImportError(failure('Product Apple already exists.'), FILE);
    expect(error.message).toContain('“Apple” is already in the catalogue, or listed twice in this file (line 3)');
    expect(error.line?.number).toBe(3);
  });

  it('says that nothing was imported, and falls back to the shared wording for other failures', () => {
    expect(explainImportError(failure('Incorrect price on line 1.'), FILE).message).toContain('Nothing was imported');
    expect(explainImportError(failure('Request body is too large.', 413), FILE).message).toBe(
      'This file is too large to import.',
    );
    expect(explainImportError(failure('Field file is missing.'), FILE).message).toBe(
      'Choose a CSV file to import first.',
    );
  });
});
