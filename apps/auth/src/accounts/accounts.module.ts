import { Module } from '@nestjs/common';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { AccountsRepository } from './accounts.repository.js';

/** Account storage and password hashing, shared by the registration, login and deletion features. */
@Module({
  providers: [AccountsRepository, PasswordHasher],
  exports: [AccountsRepository, PasswordHasher],
})
export class AccountsModule {}
