import { describe, expect, it } from 'vitest';
import { foldCase } from './case-folding.js';

describe('foldCase (match=insensitive)', () => {
  it.each([
    ['APPLE', 'apple'],
    ['Äpfel', 'äpfel'],
    ['STRASSE', 'strasse'],
    ['Straße', 'strasse'],
    ['ΣΟΦΟΣ', 'σοφοσ'],
    ['σοφος', 'σοφοσ'],
    ['ﬁne', 'fine'],
    ['ǅ', 'ǆ'],
    ['ЯБЛОКО', 'яблоко'],
    ['Cafe\u0301', 'café'],
    ['', ''],
    ['100% *_\\', '100% *_\\'],
  ])('%s folds to %s', (text, folded) => {
    expect(foldCase(text)).toBe(folded);
  });

  it('keeps accents apart: cafe is not café', () => {
    expect(foldCase('Café').includes(foldCase('cafe'))).toBe(false);
  });
});
