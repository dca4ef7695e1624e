import { BadRequestError } from '@shopwire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { parseIdempotencyKey } from '../idempotency/idempotency-key.js';
import { type IdempotencyClaim, IdempotencyService } from '../idempotency/idempotency.service.js';
import { OrderGroupCommit } from './order-group-commit.js';
import { OrderPlacementService } from './order-placement.service.js';
import { validatePlaceOrderBody } from './place-order.validation.js';

export interface PlacedOrder {
  id: number;
}

/**
 * `POST /order` (contract §4.2, Idempotency-Key §8), top to bottom: claim the key if one was
 * sent (a repeat is answered here); checks 1–2; placement's check 3, delivery location and
 * address, total (prices from memory when known, ADR 0014); the write, grouped with concurrent
 * requests' (`OrderGroupCommit`, ADR 0026) in one `OrderWriter` transaction — order and items,
 * the idempotent reply, the CREATED event last; the nudge after COMMIT. A
 * refused request's 400 is stored under its key and replays; any other failure frees the key.
 */
@Injectable()
export class PlaceOrder {
  constructor(
    @Inject(OrderPlacementService) private readonly placement: OrderPlacementService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(OrderGroupCommit) private readonly groupCommit: OrderGroupCommit,
  ) {}

  async place(
    customerEmail: string,
    incarnation: string,
    body: Record<string, unknown>,
    idempotencyKeyHeader: string | undefined,
  ): Promise<PlacedOrder> {
    const key = parseIdempotencyKey(idempotencyKeyHeader);
    let claim: IdempotencyClaim | undefined;
    if (key !== undefined) {
      const start = await this.idempotency.begin<PlacedOrder>({ customerEmail, incarnation, key }, body);
      if (start.kind === 'replay') return start.response;
      claim = start.claim;
    }
    try {
      const validation = validatePlaceOrderBody(body);
      if (!validation.ok) throw new BadRequestError(validation.message);
      const order = await this.placement.prepare(customerEmail, validation.requests, {
        location: body.deliveryLocation,
        address: body.deliveryAddress,
      });
      return { id: await this.groupCommit.write(order, claim) };
    } catch (error) {
      if (claim) await this.idempotency.settleFailure(claim, error);
      throw error;
    }
  }
}
