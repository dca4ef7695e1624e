import { Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.js';
import { RateEventsPurger } from './rate-events-purger.js';
import { RateEventsRepository } from './rate-events.repository.js';
import { RegistrationThrottle } from './registration-throttle.js';

@Module({
  providers: [RateEventsRepository, LoginThrottle, RegistrationThrottle, RateEventsPurger],
  exports: [LoginThrottle, RegistrationThrottle],
})
export class ThrottlingModule {}
