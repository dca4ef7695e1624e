import { Agent } from 'node:https';
import webPush from 'web-push';
import type { PushOutcome } from './push-metrics.js';
import { pushSendDuration } from './push-metrics.js';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface SendOptions {
  topic?: string;
  urgency: 'normal' | 'high';
}

interface VapidOptions {
  publicKey: string;
  privateKey: string;
  subject: string;
  timeoutMs: number;
  ttlSeconds: number;
  maxSockets: number;
}

const JWT_LIFETIME_SECONDS = 12 * 3600;
const JWT_RENEW_AFTER_MS = 3600 * 1000;

/**
 * Sends one RFC 8291-encrypted push with `web-push` and classifies the push service's answer.
 * Reuses what is safe to reuse: keep-alive connections per push service, and the VAPID JWT per
 * audience (valid 12 h, renewed after 1 h) — signing one per request would cost more than the
 * request. The payload key is fresh per message, as RFC 8291 requires (web-push does that).
 */
export class WebPushSender {
  private readonly agent: Agent;
  private readonly vapidHeaders = new Map<string, { authorization: string; renewAt: number }>();

  constructor(private readonly options: VapidOptions) {
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
  }

  async send(target: PushTarget, payload: unknown, options: SendOptions): Promise<PushOutcome> {
    const stopTimer = pushSendDuration.startTimer();
    try {
      await webPush.sendNotification(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        JSON.stringify(payload),
        {
          headers: { Authorization: this.authorization(target.endpoint) },
          TTL: this.options.ttlSeconds,
          urgency: options.urgency,
          ...(options.topic ? { topic: options.topic } : {}),
          timeout: this.options.timeoutMs,
          agent: this.agent,
        },
      );
      return 'sent';
    } catch (error) {
      return classify(error);
    } finally {
      stopTimer();
    }
  }

  /** After the push worker stopped (its beforeApplicationShutdown runs first). */
  onApplicationShutdown(): void {
    this.agent.destroy();
  }

  private authorization(endpoint: string): string {
    const audience = new URL(endpoint).origin;
    const cached = this.vapidHeaders.get(audience);
    if (cached && cached.renewAt > Date.now()) return cached.authorization;
    const expiration = Math.floor(Date.now() / 1000) + JWT_LIFETIME_SECONDS;
    const { Authorization } = webPush.getVapidHeaders(
      audience,
      this.options.subject,
      this.options.publicKey,
      this.options.privateKey,
      'aes128gcm',
      expiration,
    );
    this.vapidHeaders.set(audience, { authorization: Authorization, renewAt: Date.now() + JWT_RENEW_AFTER_MS });
    return Authorization;
  }
}

/**
 * 404/410: the subscription is gone for good (RFC 8030 §7.3) → delete it. 403: the push service
 * refuses our VAPID key for this subscription — it was made with another application server key
 * (a key rotation), and no retry can fix that → delete it too; the browser re-subscribes with the
 * current key when the app next opens (docs/push.md). 429 and 5xx: the push service is busy or down
 * → retry later. Network errors and timeouts → retry. Other 4xx (bad request, payload too large)
 * would fail again unchanged → rejected.
 */
export function classify(error: unknown): PushOutcome {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status !== 'number') return 'retry';
  if (status === 404 || status === 410) return 'gone';
  if (status === 403) return 'key_mismatch';
  if (status === 429 || status >= 500) return 'retry';
  return 'rejected';
}
