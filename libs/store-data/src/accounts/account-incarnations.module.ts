import {
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  Module,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { incarnationOfTokenId } from '@shopwire/contracts';
import { DataSource } from 'typeorm';
import { AccountIncarnationsRepository } from './account-incarnations.repository.js';

/** What the role guard leaves on an authenticated request (libs/security). */
interface RequestWithClaims {
  claims?: { sub: string; jti?: unknown };
}

/**
 * Shows every authenticated request's token to AccountIncarnationsRepository before the handler runs, so the
 * first request of a re-registered email drops its predecessor's state before it can be served or
 * pushed. A failure to record is logged and retried by the next request: a contract answer never
 * depends on it.
 */
@Injectable()
export class AccountIncarnationInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AccountIncarnations');

  constructor(@Inject(AccountIncarnationsRepository) private readonly incarnations: AccountIncarnationsRepository) {}

  async intercept(context: ExecutionContext, next: CallHandler) {
    const claims = context.switchToHttp().getRequest<RequestWithClaims>().claims;
    if (claims) {
      await this.incarnations
        .observe(claims.sub, incarnationOfTokenId(claims.jti))
        .catch((err: unknown) => this.logger.warn({ err }, 'could not record the account incarnation'));
    }
    return next.handle();
  }
}

/** For the store apps that keep per-account state (customer, courier). Needs the app's DataSource. */
@Module({})
export class AccountIncarnationsModule {
  static forRoot(): DynamicModule {
    return {
      module: AccountIncarnationsModule,
      providers: [
        {
          provide: AccountIncarnationsRepository,
          useFactory: (dataSource: DataSource) => new AccountIncarnationsRepository(dataSource),
          inject: [DataSource],
        },
        { provide: APP_INTERCEPTOR, useClass: AccountIncarnationInterceptor },
      ],
      exports: [AccountIncarnationsRepository],
    };
  }
}
