import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccountEntity } from '@shopwire/auth-data';
import { normaliseEmail, type Role } from '@shopwire/contracts';
import { DataSource, type Repository } from 'typeorm';

export interface NewAccount {
  email: string;
  forename: string;
  surname: string;
  passwordHash: string;
  role: Role;
  /** Seeded owners: the hash applied from the environment (see seeding/seed-owners.ts). */
  ownerSeedHash?: string | null;
}

/**
 * A new incarnation (ADR 0017, @shopwire/contracts account-incarnation): the registration time
 * from the database's clock — one clock for every auth replica, so a re-registration always sorts
 * after its predecessor — and 8 random bytes. The random part is hex, safe to inline.
 */
const newIncarnation = () => {
  const random = randomBytes(8).toString('hex');
  return () => `CONCAT(LPAD(LOWER(HEX(FLOOR(UNIX_TIMESTAMP(NOW(3)) * 1000))), 12, '0'), '${random}')`;
};

/**
 * Accounts by email, compared case-insensitively through the unique `email_normalised` column.
 * Uniqueness is the database's job: `create` lets ER_DUP_ENTRY through for the caller to map.
 */
@Injectable()
export class AccountsRepository {
  private readonly accounts: Repository<AccountEntity>;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.accounts = dataSource.getRepository(AccountEntity);
  }

  findByEmail(email: string): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ emailNormalised: normaliseEmail(email) });
  }

  async create(account: NewAccount): Promise<void> {
    await this.insert(account).execute();
  }

  /** Inserts unless an account with this email exists (which is left exactly as it is). True if inserted. */
  async createIfAbsent(account: NewAccount): Promise<boolean> {
    const result = await this.insert(account).orIgnore().execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  /**
   * Replaces the password only if it is still `currentHash` (the one the caller verified), so of
   * two concurrent changes exactly one wins. True when changed.
   */
  async replacePasswordHash(email: string, currentHash: string, newHash: string): Promise<boolean> {
    const result = await this.accounts.update(
      { emailNormalised: normaliseEmail(email), passwordHash: currentHash },
      { passwordHash: newHash },
    );
    return (result.affected ?? 0) === 1;
  }

  /** A seeded owner's password as the environment now sets it (and the record of having applied it). */
  async applyOwnerSeed(email: string, passwordHash: string): Promise<void> {
    await this.accounts.update(
      { emailNormalised: normaliseEmail(email), role: 'owner' },
      { passwordHash, ownerSeedHash: passwordHash },
    );
  }

  /** True when an account was removed. */
  async deleteByEmail(email: string): Promise<boolean> {
    const result = await this.accounts.delete({ emailNormalised: normaliseEmail(email) });
    return (result.affected ?? 0) > 0;
  }

  private insert(account: NewAccount) {
    return this.accounts
      .createQueryBuilder()
      .insert()
      .values({
        ...account,
        ownerSeedHash: account.ownerSeedHash ?? null,
        emailNormalised: normaliseEmail(account.email),
        incarnation: newIncarnation(),
      });
  }
}
