import { Inject, Injectable } from '@nestjs/common';
import { Messages } from '@shopwire/contracts';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config.js';
import { RateEventsRepository } from './rate-events.repository.js';
import { longestRetryAfter, retryAfterSeconds } from './sliding-window.js';
import { TooManyRequestsError } from './too-many-requests.error.js';

type LoginLimits = Pick<
  AuthConfig,
  'LOGIN_MAX_FAILURES' | 'LOGIN_FAILURE_WINDOW_SECONDS' | 'LOGIN_MAX_FAILURES_PER_IP'
>;

/** What a permitted attempt needs to know afterwards. */
export interface LoginPermit {
  /** Whether this (email, client) pair has failures to clear after a success. */
  hasPairFailures: boolean;
}

/**
 * Brute-force protection for /login (contract §8): only failures count — per (email, client IP)
 * and, coarser, per client IP. A success clears its pair's failures, so any rate of correct
 * logins is never throttled. A blocked client is refused before its password is checked, which
 * is what makes the block stop guessing (a correct guess must not be told apart).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly events: RateEventsRepository,
    @Inject(AUTH_CONFIG) private readonly limits: LoginLimits,
  ) {}

  async permit(emailNormalised: string, ip: string): Promise<LoginPermit> {
    const failures = await this.events.loginFailures(ip, emailNormalised, this.limits.LOGIN_FAILURE_WINDOW_SECONDS);
    const wait = longestRetryAfter(
      retryAfterSeconds(failures.pair, this.limits.LOGIN_MAX_FAILURES),
      retryAfterSeconds(failures.client, this.limits.LOGIN_MAX_FAILURES_PER_IP),
    );
    if (wait !== null) throw new TooManyRequestsError(Messages.tooManyLoginAttempts, wait);
    return { hasPairFailures: failures.pair.count > 0 };
  }

  recordFailure(emailNormalised: string, ip: string): Promise<void> {
    return this.events.record('login_failure', ip, emailNormalised);
  }

  async recordSuccess(emailNormalised: string, ip: string, permit: LoginPermit): Promise<void> {
    if (permit.hasPairFailures) await this.events.clearLoginFailures(ip, emailNormalised);
  }
}
