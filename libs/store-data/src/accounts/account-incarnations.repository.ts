import { Logger } from '@nestjs/common';
import { NO_INCARNATION, incarnationTime, isIncarnation } from '@shopwire/contracts';
import type { DataSource } from 'typeorm';

/** Bound on the per-process memory of incarnations already recorded (one short string per account). */
const MAX_REMEMBERED = 50_000;

/**
 * The store side's knowledge of account incarnations (ADR 0017). The store never talks to the auth
 * side; it learns that an email was deleted and registered again only when a token of the newer
 * incarnation is presented. Then, once, it drops what it kept for the older incarnations of that
 * email (push subscriptions, idempotency records); rows written later with an older token stay
 * scoped to that older incarnation and are never delivered (@shopwire/push's
 * DELIVERABLE_SUBSCRIPTION_SQL).
 *
 * Rows without an incarnation ('' — written with tokens issued before incarnations existed) are
 * told apart by time: created before the newer incarnation's registration, they belonged to a
 * predecessor and are dropped; created after, they are this account's own and are adopted.
 */
export class AccountIncarnationsRepository {
  private readonly logger = new Logger('AccountIncarnations');
  /** Lower-cased email → the newest incarnation this process has recorded for it. */
  private readonly recorded = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records that a token of `incarnation` was presented for `email`. Costs a Map lookup once this
   * process has recorded that incarnation (or a newer one); otherwise one upsert, and the clean-up
   * when it turns out to be the newest.
   */
  async observe(email: string, incarnation: string): Promise<void> {
    if (incarnation === NO_INCARNATION || !isIncarnation(incarnation)) return;
    const key = email.toLowerCase();
    const known = this.recorded.get(key);
    if (known !== undefined && known >= incarnation) return;
    const newest = await this.record(email, incarnation);
    if (newest === incarnation) await this.dropOlder(email, incarnation);
    this.remember(key, newest);
  }

  /** The newest incarnation recorded for `email` (NO_INCARNATION when none). */
  async newest(email: string): Promise<string> {
    const [row] = await this.dataSource.query('SELECT incarnation FROM account_incarnations WHERE email = ?', [email]);
    return row ? String(row.incarnation) : NO_INCARNATION;
  }

  /** True when a newer incarnation than this one is recorded for `email` (a deleted account's token). */
  async isSuperseded(email: string, incarnation: string): Promise<boolean> {
    return (await this.newest(email)) > incarnation;
  }

  /** Incarnations that became the newest of their email at or after `since` (store DB clock). */
  async recordedSince(since: Date): Promise<Array<{ email: string; incarnation: string; firstSeenAt: Date }>> {
    const rows: Array<{ email: string; incarnation: string; first_seen_at: Date }> = await this.dataSource.query(
      'SELECT email, incarnation, first_seen_at FROM account_incarnations WHERE first_seen_at >= ? ORDER BY first_seen_at',
      [since],
    );
    return rows.map((row) => ({ email: row.email, incarnation: row.incarnation, firstSeenAt: row.first_seen_at }));
  }

  /** The store database's clock (UTC, milliseconds): what `first_seen_at` is written with. */
  async databaseNow(): Promise<Date> {
    const [row] = await this.dataSource.query('SELECT UTC_TIMESTAMP(3) AS now');
    return new Date(row.now);
  }

  private async record(email: string, incarnation: string): Promise<string> {
    // Assignments run left to right: first_seen_at compares with the old incarnation.
    await this.dataSource.query(
      `INSERT INTO account_incarnations (email, incarnation, first_seen_at) VALUES (?, ?, UTC_TIMESTAMP(3))
       ON DUPLICATE KEY UPDATE
         first_seen_at = IF(VALUES(incarnation) > incarnation, VALUES(first_seen_at), first_seen_at),
         incarnation = GREATEST(incarnation, VALUES(incarnation))`,
      [email, incarnation],
    );
    return this.newest(email);
  }

  /** Idempotent, so replicas recording the same incarnation at once both may run it. */
  private async dropOlder(email: string, incarnation: string): Promise<void> {
    const registeredAt = new Date(incarnationTime(incarnation));
    const older = (column: string) => `${column} < ? AND (${column} <> '' OR created_at < ?)`;
    await this.dataSource.query(
      `DELETE FROM push_subscriptions WHERE account_email = ? AND ${older('account_incarnation')}`,
      [email, incarnation, registeredAt],
    );
    await this.dataSource.query(
      `UPDATE push_subscriptions SET account_incarnation = ?
        WHERE account_email = ? AND account_incarnation = '' AND created_at >= ?`,
      [incarnation, email, registeredAt],
    );
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE customer_email = ? AND ${older('customer_incarnation')}`,
      [email, incarnation, registeredAt],
    );
    this.logger.log({ incarnation }, 'newer account incarnation: state of older ones dropped');
  }

  private remember(key: string, incarnation: string): void {
    this.recorded.delete(key);
    if (this.recorded.size >= MAX_REMEMBERED) this.recorded.delete(this.recorded.keys().next().value!);
    this.recorded.set(key, incarnation);
  }
}
