import { Inject, Injectable } from '@nestjs/common';
import { Messages, BadRequestError } from '@shopwire/contracts';
import { AccountsRepository } from '../accounts/accounts.repository.js';

@Injectable()
export class AccountDeletionService {
  constructor(@Inject(AccountsRepository) private readonly accounts: AccountsRepository) {}

  /** Contract §2.3: removes the token subject's account (email compared case-insensitively). */
  async deleteAccount(email: string): Promise<void> {
    if (!(await this.accounts.deleteByEmail(email))) throw new BadRequestError(Messages.unknownUser);
  }
}
