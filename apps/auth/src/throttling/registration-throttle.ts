import { Inject, Injectable } from '@nestjs/common';
import { Messages } from '@shopwire/contracts';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config.js';
import { RateEventsRepository } from './rate-events.repository.js';
import { retryAfterSeconds } from './sliding-window.js';
import { TooManyRequestsError } from './too-many-requests.error.js';

export const REGISTRATION_WINDOW_SECONDS = 3600;

/**
 * A generous per-client ceiling on account creation (sliding hour). Every attempt that passes
 * validation counts, taken or not, so the limit also slows probing which emails exist.
 */
@Injectable()
export class RegistrationThrottle {
  constructor(
    private readonly events: RateEventsRepository,
    @Inject(AUTH_CONFIG) private readonly limits: Pick<AuthConfig, 'REGISTRATIONS_PER_IP_PER_HOUR'>,
  ) {}

  /** Refuses with 429 when the client is at its limit; otherwise counts this attempt. */
  async admit(ip: string): Promise<void> {
    const recent = await this.events.count('registration', ip, REGISTRATION_WINDOW_SECONDS);
    const wait = retryAfterSeconds(recent, this.limits.REGISTRATIONS_PER_IP_PER_HOUR);
    if (wait !== null) throw new TooManyRequestsError(Messages.tooManyRegistrations, wait);
    await this.events.record('registration', ip);
  }
}
