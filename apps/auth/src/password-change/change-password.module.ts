import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ThrottlingModule } from '../throttling/throttling.module.js';
import { ChangePasswordController } from './change-password.controller.js';
import { ChangePasswordService } from './change-password.service.js';

@Module({
  imports: [AccountsModule, ThrottlingModule],
  controllers: [ChangePasswordController],
  providers: [ChangePasswordService],
})
export class ChangePasswordModule {}
