import { Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.js';
import { RateEventsPurger } from './rate-events-purger.js';
import { RateEventsStore } from './rate-events.store.js';
import { RegistrationThrottle } from './registration-throttle.js';

@Module({
  providers: [RateEventsStore, LoginThrottle, RegistrationThrottle, RateEventsPurger],
  exports: [LoginThrottle, RegistrationThrottle],
})
export class ThrottlingModule {}
