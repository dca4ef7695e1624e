import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { NO_INCARNATION } from '@shopwire/contracts';
import { AccountIncarnationsRepository } from '@shopwire/store-data';
import { DataSource } from 'typeorm';
import type { RealtimeSocket, RealtimeSocketData } from './realtime-socket.js';

/** How often the newest incarnations are read; a superseded socket lives at most about this long. */
const POLL_INTERVAL_MS = 1000;
/** Re-read this far back each time: a row's first_seen_at is set before its statement commits. */
const OVERLAP_MS = 5000;

/**
 * Live connections of accounts that were deleted and whose email registered again (ADR 0017). The
 * feed is routed by email, so a deleted account's socket (its token valid for up to an hour) would
 * receive its successor's events. A handshake of a superseded incarnation is refused; a connected
 * one is closed within about a second of the newer incarnation being recorded anywhere on the
 * store side (this replica follows `account_incarnations`). Tokens without an incarnation are
 * never affected.
 */
@Injectable()
export class SupersededConnections implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SupersededConnections.name);
  private readonly incarnations: AccountIncarnationsRepository;
  private readonly byEmail = new Map<string, Set<RealtimeSocket>>();
  private cursor?: Date;
  private timer?: NodeJS.Timeout;
  private polling = false;
  private failing = false;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.incarnations = new AccountIncarnationsRepository(dataSource);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.poll(), POLL_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Records the handshake's incarnation and tells whether a newer one is known. A database error
   * lets the connection through (logged): the live feed does not depend on this table.
   */
  async refuses(data: RealtimeSocketData): Promise<boolean> {
    if (data.incarnation === NO_INCARNATION) return false;
    try {
      await this.incarnations.observe(data.email, data.incarnation);
      return await this.incarnations.isSuperseded(data.email, data.incarnation);
    } catch (err) {
      this.logger.warn({ err }, 'could not check the account incarnation at a handshake');
      return false;
    }
  }

  track(socket: RealtimeSocket): void {
    if (socket.data.incarnation === NO_INCARNATION) return;
    const key = socket.data.email.toLowerCase();
    const sockets = this.byEmail.get(key) ?? new Set();
    sockets.add(socket);
    this.byEmail.set(key, sockets);
  }

  forget(socket: RealtimeSocket): void {
    const key = socket.data.email.toLowerCase();
    const sockets = this.byEmail.get(key);
    if (!sockets?.delete(socket) || sockets.size > 0) return;
    this.byEmail.delete(key);
  }

  /** One read of the incarnations recorded since the last one; closes this replica's older sockets. */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      this.cursor ??= await this.incarnations.databaseNow();
      const rows = await this.incarnations.recordedSince(new Date(this.cursor.getTime() - OVERLAP_MS));
      for (const row of rows) {
        if (row.firstSeenAt > this.cursor) this.cursor = row.firstSeenAt;
        for (const socket of this.byEmail.get(row.email.toLowerCase()) ?? []) {
          if (socket.data.incarnation < row.incarnation) socket.disconnect(true);
        }
      }
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.logger.warn({ err }, 'could not read account incarnations');
      this.failing = true;
    } finally {
      this.polling = false;
    }
  }
}
