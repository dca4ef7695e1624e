import { describe, expect, it } from 'vitest';
import { noMatchAdvice } from './no-match-advice';

describe('noMatchAdvice: honest advice when a search finds nothing', () => {
  it('never suggests a shorter name (search already finds any part of a name, in any case)', () => {
    for (const searched of [
      { name: 'kiwi', category: '' },
      { name: 'kiwi', category: 'Fruit' },
      { name: '', category: 'Toys' },
    ]) {
      expect(noMatchAdvice(searched)).not.toMatch(/shorter/);
    }
  });

  it('names what was searched and what may be wrong', () => {
    expect(noMatchAdvice({ name: 'kiwi', category: '' })).toMatch(/"kiwi".*spelling/);
    expect(noMatchAdvice({ name: 'kiwi', category: 'Dairy' })).toMatch(/"kiwi".*"Dairy".*name alone/);
    expect(noMatchAdvice({ name: '', category: 'Toys' })).toMatch(/category.*"Toys"/);
  });
});
