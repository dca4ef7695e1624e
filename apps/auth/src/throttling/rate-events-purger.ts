import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config.js';
import { RateEventsRepository } from './rate-events.repository.js';
import { REGISTRATION_WINDOW_SECONDS } from './registration-throttle.js';

const PURGE_INTERVAL_MS = 60_000;

/** Deletes rate events no window can count any more, once a minute, so the table stays small. */
@Injectable()
export class RateEventsPurger implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RateEventsPurger.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly events: RateEventsRepository,
    @Inject(AUTH_CONFIG) private readonly config: Pick<AuthConfig, 'LOGIN_FAILURE_WINDOW_SECONDS'>,
  ) {}

  get retentionSeconds(): number {
    return Math.max(this.config.LOGIN_FAILURE_WINDOW_SECONDS, REGISTRATION_WINDOW_SECONDS);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<void> {
    try {
      await this.events.purgeOlderThan(this.retentionSeconds);
    } catch (error) {
      // Next round retries; counting stays correct meanwhile (windows filter by time).
      this.logger.warn({ err: error }, 'Purging rate events failed');
    }
  }
}
