import { Messages, BadRequestError, ContractError } from '@shopwire/contracts';

/** Check 3 of `POST /order`: request `index` names no product (out-of-range ids included). */
export class InvalidProductError extends BadRequestError {
  constructor(readonly index: number) {
    super(Messages.invalidProduct(index));
  }
}

/** A quantity the store cannot represent (the order total would not be a finite number). */
export class InvalidProductQuantityError extends BadRequestError {
  constructor(readonly index: number) {
    super(Messages.invalidProductQuantity(index));
  }
}

/** Additive to §4.2 (issue 12): `deliveryLocation` given but not `{lat, lng}` in range. */
export class InvalidDeliveryLocationError extends BadRequestError {
  constructor() {
    super(Messages.invalidDeliveryLocation);
  }
}

/** No such order, not this customer's, or not in the state the transition starts from. */
export class InvalidOrderIdError extends BadRequestError {
  constructor() {
    super(Messages.invalidOrderId);
  }
}

/** Contract §8: the Idempotency-Key header is not 1–255 printable ASCII characters. */
export class IdempotencyKeyInvalidError extends BadRequestError {
  constructor() {
    super(Messages.idempotencyKeyInvalid);
  }
}

/** Contract §8: the key was used before with a different body. */
export class IdempotencyKeyReusedError extends ContractError {
  constructor() {
    super(Messages.idempotencyKeyReused, 422);
  }
}

/** Contract §8: the first request with this key is still being processed. */
export class IdempotencyKeyInFlightError extends ContractError {
  constructor() {
    super(Messages.idempotencyKeyInFlight, 409);
  }
}
