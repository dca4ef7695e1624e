import { Inject, Injectable } from '@nestjs/common';
import { BadRequestError, Messages } from '@shopwire/contracts';
import { runInTransaction } from '@shopwire/database';
import { DataSource, type QueryRunner } from 'typeorm';
import type { PushSubscriptionInput } from './push-subscription.validation.js';
import {
  PUSH_SUBSCRIPTIONS_OPTIONS,
  type PushSubscriptionsOptions,
  type PushRole,
} from './push-subscriptions.options.js';

/** Whose devices: an email and its incarnation (ADR 0017; '' for a token without one). */
export interface PushAccount {
  email: string;
  incarnation: string;
}

export interface PushSubscriptionView {
  id: number;
  endpoint: string;
  notify: boolean;
}

const byEndpoint = 'endpoint_hash = UNHEX(SHA2(?, 256))';

/**
 * The `push_subscriptions` rows of one account and role. An account is an email *and* its
 * incarnation: a later account with the same email neither sees nor inherits these rows.
 */
@Injectable()
export class PushSubscriptionsRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PUSH_SUBSCRIPTIONS_OPTIONS) private readonly options: PushSubscriptionsOptions,
  ) {}

  /**
   * Registers the device or updates it (keys, preference). An endpoint belongs to one browser
   * profile: registered again by another account, it moves to that account. A new courier device,
   * or one switched back on, starts at the end of the new-order stream: it is never pushed history.
   *
   * READ COMMITTED, no gap locks: registrations of different accounts never wait on each other
   * (under REPEATABLE READ the locking reads of absent rows deadlocked at 20 concurrent
   * registrations, found by bench/push-load.mjs). The per-account cap is checked after the write
   * with a locking count, which waits for the account's other uncommitted registrations; a
   * deadlock between two of them is retried.
   */
  async upsert(
    { email, incarnation }: PushAccount,
    role: PushRole,
    input: PushSubscriptionInput,
  ): Promise<PushSubscriptionView> {
    const work = async (tx: QueryRunner): Promise<PushSubscriptionView> => {
      const [existing]: Array<{
        id: number;
        account_email: string;
        account_incarnation: string;
        role: PushRole;
        notify: number;
      }> = await tx.query(
        `SELECT id, account_email, account_incarnation, role, notify FROM push_subscriptions WHERE ${byEndpoint} FOR UPDATE`,
        [input.endpoint],
      );
      const [{ newest }] = await tx.query('SELECT COALESCE(MAX(seq), 0) AS newest FROM push_new_orders');
      let id: number;
      if (existing) {
        id = Number(existing.id);
        const sameOwner =
          existing.role === role &&
          existing.account_email.toLowerCase() === email.toLowerCase() &&
          existing.account_incarnation === incarnation;
        // The cursor survives only an update of a device that stays on; switched (back) on, it
        // starts from the newest order, never what was placed while it was off.
        const keepCursor = sameOwner && Number(existing.notify) === 1;
        await tx.query(
          `UPDATE push_subscriptions SET account_email = ?, account_incarnation = ?, role = ?, p256dh = ?, auth = ?,
             notify = ?, new_orders_seen = IF(?, new_orders_seen, ?), updated_at = UTC_TIMESTAMP(3)
           WHERE id = ?`,
          [email, incarnation, role, input.p256dh, input.auth, input.notify ? 1 : 0, keepCursor, newest, id],
        );
        if (sameOwner) return { id, endpoint: input.endpoint, notify: input.notify };
      } else {
        const result = await tx.query(
          `INSERT INTO push_subscriptions
             (account_email, account_incarnation, role, endpoint, p256dh, auth, notify, new_orders_seen,
              created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
          [email, incarnation, role, input.endpoint, input.p256dh, input.auth, input.notify ? 1 : 0, newest],
        );
        id = Number(result.insertId);
      }
      const [{ devices }] = await tx.query(
        `SELECT COUNT(*) AS devices FROM push_subscriptions
          WHERE account_email = ? AND account_incarnation = ? AND role = ? FOR UPDATE`,
        [email, incarnation, role],
      );
      if (Number(devices) > this.options.maxPerAccount) throw new BadRequestError(Messages.tooManyPushSubscriptions);
      return { id, endpoint: input.endpoint, notify: input.notify };
    };
    return runInTransaction(this.dataSource, work, { isolation: 'READ COMMITTED', attempts: 5 });
  }

  /** Removes this account's subscription of that endpoint; removing an unknown one is not an error. */
  async remove({ email, incarnation }: PushAccount, role: PushRole, endpoint: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM push_subscriptions
        WHERE ${byEndpoint} AND account_email = ? AND account_incarnation = ? AND role = ?`,
      [endpoint, email, incarnation, role],
    );
  }

  async list({ email, incarnation }: PushAccount, role: PushRole): Promise<PushSubscriptionView[]> {
    const rows: Array<{ id: number; endpoint: string; notify: number }> = await this.dataSource.query(
      `SELECT id, endpoint, notify FROM push_subscriptions
        WHERE account_email = ? AND account_incarnation = ? AND role = ? ORDER BY id`,
      [email, incarnation, role],
    );
    return rows.map((row) => ({ id: Number(row.id), endpoint: row.endpoint, notify: Number(row.notify) === 1 }));
  }
}
