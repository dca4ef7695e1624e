import { Inject, Injectable } from '@nestjs/common';
import { Messages, normaliseEmail, BadRequestError } from '@shopwire/contracts';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { LoginThrottle } from '../throttling/login-throttle.js';
import { AccessTokenIssuer } from '../tokens/access-token-issuer.js';
import { validateLogin } from './login-validation.js';

export interface LoginResponse {
  accessToken: string;
}

@Injectable()
export class LoginService {
  constructor(
    @Inject(AccountsRepository) private readonly accounts: AccountsRepository,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(AccessTokenIssuer) private readonly tokens: AccessTokenIssuer,
  ) {}

  /** Contract §2.2: checks 1–3, the brute-force limit (§8), then check 4. */
  async login(body: Record<string, unknown>, clientIp: string): Promise<LoginResponse> {
    const input = validateLogin(body);
    if (!input.ok) throw new BadRequestError(input.message);
    const { email, password } = input.value;
    const emailNormalised = normaliseEmail(email);

    const [permit, account] = await Promise.all([
      this.throttle.permit(emailNormalised, clientIp),
      this.accounts.findByEmail(email),
    ]);
    // An unknown email costs the same hashing work as a wrong password: timing reveals nothing.
    const matches = account
      ? await this.passwords.verify(account.passwordHash, password)
      : await this.passwords.verifyAgainstDummy(password);
    if (!account || !matches) {
      await this.throttle.recordFailure(emailNormalised, clientIp);
      throw new BadRequestError(Messages.invalidCredentials);
    }
    await this.throttle.recordSuccess(emailNormalised, clientIp, permit);
    return { accessToken: this.tokens.issue(account) };
  }
}
