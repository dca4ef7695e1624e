import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ThrottlingModule } from '../throttling/throttling.module.js';
import { AccessTokenIssuer } from '../tokens/access-token-issuer.js';
import { LoginController } from './login.controller.js';
import { LoginService } from './login.service.js';

@Module({
  imports: [AccountsModule, ThrottlingModule],
  controllers: [LoginController],
  providers: [LoginService, AccessTokenIssuer],
})
export class LoginModule {}
