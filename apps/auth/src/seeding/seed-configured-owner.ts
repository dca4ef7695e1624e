import { Logger } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import type { ConfiguredOwner } from './owner-config.js';
import { DEFAULT_OWNER, WELL_KNOWN_OWNER_PASSWORD } from './owner-seed.js';

/** The configured owner cannot be provisioned; the service refuses to start. */
export class OwnerSeedError extends Error {
  override name = 'OwnerSeedError';
}

export type OwnerSeedOutcome = 'created' | 'updated' | 'unchanged';

const logger = new Logger('OwnerSeed');

/** Whether the environment's password is the one last applied (so a restart must not reapply it). */
async function alreadyApplied(seedHash: string | null, owner: ConfiguredOwner, passwords: PasswordHasher) {
  if (seedHash === null) return false;
  if (owner.passwordHash !== undefined) return seedHash === owner.passwordHash;
  return passwords.verify(seedHash, owner.password ?? '');
}

/**
 * The owner of OWNER_EMAIL / OWNER_PASSWORD(_HASH) (ADR 0017): created when missing; its password
 * (re)applied only when the environment's value differs from the one applied last time — never on
 * a plain restart, so a password changed through /change_password stays until an operator sets a
 * new one in the environment (the way to reset a forgotten owner password).
 */
export async function seedConfiguredOwner(
  accounts: AccountsRepository,
  passwords: PasswordHasher,
  owner: ConfiguredOwner,
  wellKnownAllowed: boolean,
): Promise<OwnerSeedOutcome> {
  if (
    !wellKnownAllowed &&
    owner.passwordHash &&
    (await passwords.verify(owner.passwordHash, WELL_KNOWN_OWNER_PASSWORD))
  ) {
    throw new OwnerSeedError('OWNER_PASSWORD_HASH is a hash of the publicly known contract password: choose another');
  }
  const existing = await accounts.findByEmail(owner.email);
  if (existing && existing.role !== 'owner') {
    throw new OwnerSeedError(`OWNER_EMAIL belongs to an existing ${existing.role} account: choose another email`);
  }
  if (existing && (await alreadyApplied(existing.ownerSeedHash, owner, passwords))) return 'unchanged';
  const passwordHash = owner.passwordHash ?? (await passwords.hash(owner.password ?? ''));
  if (!existing) {
    const { forename, surname, email } = owner;
    const created = await accounts.createIfAbsent({
      email,
      forename,
      surname,
      passwordHash,
      role: 'owner',
      ownerSeedHash: passwordHash,
    });
    // Not created: a replica starting at the same moment did it, with the same environment.
    return created ? 'created' : 'unchanged';
  }
  await accounts.applyOwnerSeed(owner.email, passwordHash);
  logger.warn({ email: owner.email }, 'owner password set from the environment (it changed since last applied)');
  return 'updated';
}

/**
 * Where the well-known password is refused (production without OWNER_ALLOW_WELL_KNOWN_PASSWORD):
 * a contract owner still holding that password from an earlier default start is removed, so it
 * cannot sign in. An owner keeps no store-side data of its own; the configured owner replaces it.
 */
export async function retireWellKnownOwner(
  accounts: AccountsRepository,
  passwords: PasswordHasher,
  configuredEmail: string,
): Promise<boolean> {
  if (configuredEmail.toLowerCase() === DEFAULT_OWNER.email) return false;
  const account = await accounts.findByEmail(DEFAULT_OWNER.email);
  if (!account || account.role !== 'owner') return false;
  if (!(await passwords.verify(account.passwordHash, WELL_KNOWN_OWNER_PASSWORD))) return false;
  const removed = await accounts.deleteByEmail(DEFAULT_OWNER.email);
  if (removed) logger.warn({ email: DEFAULT_OWNER.email }, 'removed the owner with the publicly known password');
  return removed;
}
