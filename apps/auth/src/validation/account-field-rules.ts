import { isPresentString } from '@shopwire/contracts';

/** Upper bound on name, email and password length (contract §2.1). */
export const MAX_FIELD_CHARACTERS = 256;
export const MIN_PASSWORD_CHARACTERS = 8;

/**
 * Length in characters (Unicode code points), the unit the contract and the database's
 * VARCHAR(256) both count in: an emoji is one character, not two UTF-16 units.
 */
export function characterCount(value: string): number {
  let count = 0;
  for (const _character of value) count++;
  return count;
}

/** A forename/surname: a present string of at most 256 characters (longer counts as missing). */
export function isPresentName(value: unknown): value is string {
  return isPresentString(value) && characterCount(value) <= MAX_FIELD_CHARACTERS;
}

/** Password rule of contract §2.1: length only, 8..256 characters. */
export function isValidPassword(value: string): boolean {
  const length = characterCount(value);
  return length >= MIN_PASSWORD_CHARACTERS && length <= MAX_FIELD_CHARACTERS;
}
