import { BadRequestError } from '@shopwire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CompleteWithin,
  IdempotencyService,
  OrderPlacementService,
  parseIdempotencyKey,
} from '@shopwire/ordering';
import { validatePlaceOrderBody } from './place-order.validation.js';

export interface PlacedOrder {
  id: number;
}

/**
 * `POST /order`: the optional Idempotency-Key (contract §8) wraps the core flow — checks 1–2,
 * then placement (check 3, the optional delivery location, and the order transaction). With a key, the response is stored in the
 * order's own transaction; a refused request's 400 is stored too and replays.
 */
@Injectable()
export class PlaceOrderHandler {
  constructor(
    @Inject(OrderPlacementService) private readonly placement: OrderPlacementService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  handle(
    customerEmail: string,
    body: Record<string, unknown>,
    idempotencyKey: string | undefined,
  ): Promise<PlacedOrder> {
    const key = parseIdempotencyKey(idempotencyKey);
    if (key === undefined) return this.place(customerEmail, body);
    return this.idempotency.execute<PlacedOrder>({ customerEmail, key }, body, (complete) =>
      this.place(customerEmail, body, complete),
    );
  }

  private async place(
    customerEmail: string,
    body: Record<string, unknown>,
    complete?: CompleteWithin<PlacedOrder>,
  ): Promise<PlacedOrder> {
    const validation = validatePlaceOrderBody(body);
    if (!validation.ok) throw new BadRequestError(validation.message);
    const id = await this.placement.place(customerEmail, validation.requests, {
      deliveryLocation: body.deliveryLocation,
      withinTransaction: complete && ((tx, orderId) => complete(tx, { id: orderId })),
    });
    return { id };
  }
}
