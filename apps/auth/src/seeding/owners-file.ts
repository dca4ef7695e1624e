import { readFile } from 'node:fs/promises';
import { validateRegistration } from '../registration/registration-validation.js';
import type { OwnerSeed } from './owner-seed.js';

/** The OWNERS_FILE is unusable; the service refuses to start rather than run without its owners. */
export class OwnersFileError extends Error {
  override name = 'OwnersFileError';
}

/**
 * Parses the owners file's text: a JSON array of {forename, surname, email, password}, each held
 * to the registration rules of contract §2.1. Error messages never include a password.
 */
export function parseOwners(text: string, source: string): OwnerSeed[] {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    throw new OwnersFileError(`${source}: not valid JSON`);
  }
  if (!Array.isArray(entries)) throw new OwnersFileError(`${source}: expected a JSON array of owners`);
  return entries.map((entry: unknown, index) => {
    const fields = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : {};
    const result = validateRegistration(fields as Record<string, unknown>);
    if (!result.ok) throw new OwnersFileError(`${source}: owner number ${index}: ${result.message}`);
    return result.value;
  });
}

/** Reads the owners listed in OWNERS_FILE (none when it is not set). */
export async function readOwnersFile(path: string | undefined): Promise<OwnerSeed[]> {
  if (path === undefined) return [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new OwnersFileError(`OWNERS_FILE ${path}: ${(error as Error).message}`);
  }
  return parseOwners(text, `OWNERS_FILE ${path}`);
}
