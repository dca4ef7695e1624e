import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WindowCount } from './sliding-window.js';

export type RateEventKind = 'login_failure' | 'registration';

export interface LoginFailureCounts {
  /** Failures for this email from this client. */
  pair: WindowCount;
  /** Failures for any email from this client. */
  client: WindowCount;
}

interface WindowRow {
  count: number | string | null;
  oldest_expires_in: number | string | null;
}

const toWindowCount = (count: unknown, expiresIn: unknown): WindowCount => ({
  count: Number(count ?? 0),
  secondsUntilOldestExpires: Number(expiresIn ?? 0),
});

// IPv6 with a zone id can exceed the column; the prefix still identifies the client well enough.
const clientKey = (ip: string) => ip.slice(0, 64);

/**
 * The `auth_rate_events` table: one row per counted event, timed by the database clock so every
 * replica counts the same sliding windows.
 */
@Injectable()
export class RateEventsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async record(kind: RateEventKind, ip: string, emailNormalised: string | null = null): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO auth_rate_events (kind, client_ip, email_normalised, occurred_at) VALUES (?, ?, ?, NOW(3))',
      [kind, clientKey(ip), emailNormalised],
    );
  }

  /** Both login failure windows in one indexed range read (the client's recent failures). */
  async loginFailures(ip: string, emailNormalised: string, windowSeconds: number): Promise<LoginFailureCounts> {
    const [row] = (await this.dataSource.query(
      `SELECT COUNT(*) AS client_count,
              SUM(email_normalised = ?) AS pair_count,
              TIMESTAMPDIFF(MICROSECOND, NOW(3), MIN(occurred_at) + INTERVAL ? SECOND) / 1e6 AS client_expires_in,
              TIMESTAMPDIFF(MICROSECOND, NOW(3), MIN(IF(email_normalised = ?, occurred_at, NULL)) + INTERVAL ? SECOND)
                / 1e6 AS pair_expires_in
         FROM auth_rate_events
        WHERE kind = 'login_failure' AND client_ip = ? AND occurred_at > NOW(3) - INTERVAL ? SECOND`,
      [emailNormalised, windowSeconds, emailNormalised, windowSeconds, clientKey(ip), windowSeconds],
    )) as Record<string, unknown>[];
    return {
      pair: toWindowCount(row?.pair_count, row?.pair_expires_in),
      client: toWindowCount(row?.client_count, row?.client_expires_in),
    };
  }

  async count(kind: RateEventKind, ip: string, windowSeconds: number): Promise<WindowCount> {
    const [row] = (await this.dataSource.query(
      `SELECT COUNT(*) AS count,
              TIMESTAMPDIFF(MICROSECOND, NOW(3), MIN(occurred_at) + INTERVAL ? SECOND) / 1e6 AS oldest_expires_in
         FROM auth_rate_events
        WHERE kind = ? AND client_ip = ? AND occurred_at > NOW(3) - INTERVAL ? SECOND`,
      [windowSeconds, kind, clientKey(ip), windowSeconds],
    )) as WindowRow[];
    return toWindowCount(row?.count, row?.oldest_expires_in);
  }

  async clearLoginFailures(ip: string, emailNormalised: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM auth_rate_events WHERE kind = 'login_failure' AND client_ip = ? AND email_normalised = ?`,
      [clientKey(ip), emailNormalised],
    );
  }

  /** Removes events older than any window; bounded per call so a purge never holds locks long. */
  async purgeOlderThan(seconds: number, batch = 5000): Promise<number> {
    const result = (await this.dataSource.query(
      'DELETE FROM auth_rate_events WHERE occurred_at < NOW(3) - INTERVAL ? SECOND LIMIT ?',
      [seconds, batch],
    )) as { affectedRows?: number };
    return result.affectedRows ?? 0;
  }
}
