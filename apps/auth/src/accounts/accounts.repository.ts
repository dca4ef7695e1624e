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
}

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
    await this.accounts.insert({ ...account, emailNormalised: normaliseEmail(account.email) });
  }

  /** Inserts unless an account with this email exists (which is left exactly as it is). True if inserted. */
  async createIfAbsent(account: NewAccount): Promise<boolean> {
    const result = await this.accounts
      .createQueryBuilder()
      .insert()
      .values({ ...account, emailNormalised: normaliseEmail(account.email) })
      .orIgnore()
      .execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  /** True when an account was removed. */
  async deleteByEmail(email: string): Promise<boolean> {
    const result = await this.accounts.delete({ emailNormalised: normaliseEmail(email) });
    return (result.affected ?? 0) > 0;
  }
}
