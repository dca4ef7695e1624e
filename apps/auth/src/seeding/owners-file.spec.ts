import { describe, expect, it } from 'vitest';
import { OwnersFileError, parseOwners } from './owners-file.js';

const owner = { forename: 'Donald', surname: 'Duck', email: 'donald@duckburg.org', password: 'quackquack' };

describe('parseOwners (OWNERS_FILE)', () => {
  it('reads an array of owners, keeping only the four fields', () => {
    expect(parseOwners(JSON.stringify([{ ...owner, role: 'courier' }]), 'test')).toEqual([owner]);
    expect(parseOwners('[]', 'test')).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{', /test: not valid JSON/],
    ['not an array', JSON.stringify(owner), /expected a JSON array/],
    ['an entry that is not an object', '[1]', /owner number 0: Field forename is missing\./],
    ['an invalid email', JSON.stringify([owner, { ...owner, email: 'x@y' }]), /owner number 1: Invalid email\./],
    ['a short password', JSON.stringify([{ ...owner, password: 'short' }]), /owner number 0: Invalid password\./],
  ])('refuses %s with a clear message', (_label, text, message) => {
    expect(() => parseOwners(text, 'test')).toThrow(OwnersFileError);
    expect(() => parseOwners(text, 'test')).toThrow(message);
  });

  it('never puts a password into the error', () => {
    const text = JSON.stringify([{ ...owner, email: 'bad', password: 'secret-password-123' }]);
    expect(() => parseOwners(text, 'test')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-password-123') }),
    );
  });
});
