import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import type { OwnerSeed } from './owner-seed.js';

/**
 * Creates each owner whose email is not taken yet. Idempotent and safe when replicas start
 * together: insert-unless-present on the unique email, so an existing account (owner or not) is
 * never duplicated, changed or given a new password. Returns the emails actually created.
 */
export async function seedOwners(
  accounts: AccountsRepository,
  passwords: PasswordHasher,
  owners: OwnerSeed[],
): Promise<string[]> {
  const created: string[] = [];
  for (const owner of owners) {
    // Skip the (deliberately slow) hash for owners that exist already: every restart after the first.
    if (await accounts.findByEmail(owner.email)) continue;
    const passwordHash = await passwords.hash(owner.password);
    const { forename, surname, email } = owner;
    if (await accounts.createIfAbsent({ email, forename, surname, passwordHash, role: 'owner' })) created.push(email);
  }
  return created;
}
