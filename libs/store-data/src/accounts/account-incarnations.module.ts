import { type DynamicModule, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { type AccessTokenClaims, incarnationOfTokenId } from '@shopwire/contracts';
import { AdmittedTokenObserver } from '@shopwire/security';
import { DataSource } from 'typeorm';
import { AccountIncarnationsRepository } from './account-incarnations.repository.js';

/**
 * Shows every admitted request's token to AccountIncarnationsRepository before the handler runs, so
 * the first request of a re-registered email drops its predecessor's state before it can be served
 * or pushed. A failure to record is logged and retried by the next request: a contract answer never
 * depends on it.
 */
@Injectable()
export class AccountIncarnationObserver extends AdmittedTokenObserver {
  private readonly logger = new Logger('AccountIncarnations');

  constructor(@Inject(AccountIncarnationsRepository) private readonly incarnations: AccountIncarnationsRepository) {
    super();
  }

  async admitted(claims: AccessTokenClaims): Promise<void> {
    await this.incarnations
      .observe(claims.sub, incarnationOfTokenId(claims.jti))
      .catch((err: unknown) => this.logger.warn({ err }, 'could not record the account incarnation'));
  }
}

/**
 * For the store apps that keep per-account state (customer, courier). Needs the app's DataSource.
 * Global, so that the security lib's RoleGuard (its own module) finds the observer.
 */
@Module({})
export class AccountIncarnationsModule {
  static forRoot(): DynamicModule {
    return {
      module: AccountIncarnationsModule,
      global: true,
      providers: [
        {
          provide: AccountIncarnationsRepository,
          useFactory: (dataSource: DataSource) => new AccountIncarnationsRepository(dataSource),
          inject: [DataSource],
        },
        { provide: AdmittedTokenObserver, useClass: AccountIncarnationObserver },
      ],
      exports: [AccountIncarnationsRepository, AdmittedTokenObserver],
    };
  }
}
