import { Inject, Injectable } from '@nestjs/common';
import { Messages, type Role, BadRequestError } from '@shopwire/contracts';
import { isDuplicateKeyError } from '@shopwire/database';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { RegistrationThrottle } from '../throttling/registration-throttle.js';
import { validateRegistration } from './registration-validation.js';

/** Self-registration as customer or courier (owners exist only by seeding). */
export type SelfRegisteredRole = Exclude<Role, 'owner'>;

@Injectable()
export class RegistrationService {
  constructor(
    @Inject(AccountsRepository) private readonly accounts: AccountsRepository,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(RegistrationThrottle) private readonly throttle: RegistrationThrottle,
  ) {}

  /** Contract §2.1: checks 1–6, the client's registration limit, then check 7 by the unique key. */
  async register(body: Record<string, unknown>, role: SelfRegisteredRole, clientIp: string): Promise<void> {
    const input = validateRegistration(body);
    if (!input.ok) throw new BadRequestError(input.message);
    await this.throttle.admit(clientIp);
    const { forename, surname, email, password } = input.value;
    const passwordHash = await this.passwords.hash(password);
    try {
      await this.accounts.create({ email, forename, surname, passwordHash, role });
    } catch (error) {
      // The unique key decides, so two concurrent registrations of one email get one winner.
      if (isDuplicateKeyError(error)) throw new BadRequestError(Messages.emailExists);
      throw error;
    }
  }
}
