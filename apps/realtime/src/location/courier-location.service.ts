import { Inject, Injectable } from '@nestjs/common';
import type { CourierLocationAck, CourierLocationPayload } from '@shopwire/contracts';
import type { RealtimeSocketData } from '../gateway/realtime-socket.js';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';
import { realtimeMetrics } from '../realtime.metrics.js';
import { CourierOrders } from './courier-orders.js';
import { COURIER_ETA_OPTIONS, etaSeconds, nextSpeedState, type EtaOptions } from './eta.js';
import { LocationRelay, type OrderPosition } from './location-relay.js';
import { parseLocationReport, type ReportLimits } from './location-report.validation.js';
import { RateGate } from './rate-gate.js';

/** How far ahead of the server's clock a device's `at` may be. */
const CLOCK_SKEW_MS = 2000;

/**
 * `courier.location` (issue 12): validate, rate-limit per courier (locally, then across replicas
 * in Redis), and relay one `order.courier_location` per PENDING order of the courier to that
 * order's customer, with the ETA to its destination. Every report gets an ack; none disconnects.
 */
@Injectable()
export class CourierLocationService {
  private readonly gate: RateGate;
  private readonly limits: ReportLimits;
  private readonly eta: EtaOptions;

  constructor(
    @Inject(CourierOrders) private readonly couriers: CourierOrders,
    @Inject(LocationRelay) private readonly relay: LocationRelay,
    @Inject(REALTIME_CONFIG) config: RealtimeConfig,
  ) {
    this.gate = new RateGate(config.REALTIME_LOCATION_MIN_INTERVAL_MS);
    this.limits = { maxAgeMs: config.REALTIME_LOCATION_MAX_AGE_MS, clockSkewMs: CLOCK_SKEW_MS };
    const maxSpeed = config.REALTIME_ETA_MAX_SPEED_MPS;
    this.eta = { ...COURIER_ETA_OPTIONS, maxSpeed, impossibleSpeed: 2 * maxSpeed };
  }

  async report(sender: RealtimeSocketData, raw: unknown): Promise<CourierLocationAck> {
    const ack = await this.handle(sender, raw);
    realtimeMetrics.locationReports.inc({ outcome: ack.ok ? 'accepted' : ack.error });
    return ack;
  }

  private async handle(sender: RealtimeSocketData, raw: unknown): Promise<CourierLocationAck> {
    if (sender.role !== 'courier') return { ok: false, error: 'forbidden' };
    const now = Date.now();
    const report = parseLocationReport(raw, now, this.limits);
    if (!report) return { ok: false, error: 'invalid' };
    const wait = this.gate.take(sender.email.toLowerCase(), now);
    if (wait > 0) return { ok: false, error: 'rate_limited', retryInMs: wait };
    const orders = this.couriers.ordersOf(sender.email);
    if (orders.length === 0) return { ok: false, error: 'no_active_orders' };

    const point = { lat: report.lat, lng: report.lng };
    const speed = nextSpeedState(
      this.couriers.speedOf(sender.email),
      { point, at: report.at, speed: report.speed, accuracy: report.accuracy },
      this.eta,
    );
    const positions: OrderPosition[] = await Promise.all(
      orders.map(async (order) => {
        const destination = await order.destination;
        const payload: CourierLocationPayload = {
          orderId: order.orderId,
          lat: report.lat,
          lng: report.lng,
          at: report.at,
          etaSeconds: destination ? etaSeconds(speed, destination, this.eta) : null,
        };
        return { customerEmail: order.customerEmail, payload };
      }),
    );
    const outcome = await this.relay.publish(sender.email, this.gate.windowOf(now), positions);
    if (outcome === 'rate_limited')
      return { ok: false, error: 'rate_limited', retryInMs: this.gate.waitFrom(Date.now()) };
    if (outcome === 'unavailable') return { ok: false, error: 'unavailable' };
    this.couriers.setSpeed(sender.email, speed);
    return { ok: true, orders: positions.length };
  }
}
