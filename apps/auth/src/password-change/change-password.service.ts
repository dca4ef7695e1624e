import { Inject, Injectable } from '@nestjs/common';
import { BadRequestError, Messages, normaliseEmail } from '@shopwire/contracts';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { LoginThrottle } from '../throttling/login-throttle.js';
import { validateChangePassword } from './change-password-validation.js';

@Injectable()
export class ChangePasswordService {
  constructor(
    @Inject(AccountsRepository) private readonly accounts: AccountsRepository,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Validation, then the login's brute-force limit for (token subject, client) — a stolen token must
   * not become an unlimited password oracle — then the current password, then the change. Wrong
   * current passwords count as failed logins of that email.
   */
  async changePassword(email: string, body: Record<string, unknown>, clientIp: string): Promise<void> {
    const input = validateChangePassword(body);
    if (!input.ok) throw new BadRequestError(input.message);
    const emailNormalised = normaliseEmail(email);
    const [permit, account] = await Promise.all([
      this.throttle.permit(emailNormalised, clientIp),
      this.accounts.findByEmail(email),
    ]);
    // A token outliving its deleted account (contract §2.3): the same answer as /delete gives.
    if (!account) throw new BadRequestError(Messages.unknownUser);
    if (!(await this.passwords.verify(account.passwordHash, input.value.password))) {
      await this.throttle.recordFailure(emailNormalised, clientIp);
      throw new BadRequestError(Messages.invalidCredentials);
    }
    const newHash = await this.passwords.hash(input.value.newPassword);
    // Conditional on the hash just verified: of two concurrent changes one wins; the other's
    // "current password" is no longer current.
    if (!(await this.accounts.replacePasswordHash(email, account.passwordHash, newHash))) {
      throw new BadRequestError(Messages.invalidCredentials);
    }
    await this.throttle.recordSuccess(emailNormalised, clientIp, permit);
  }
}
