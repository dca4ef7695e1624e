/**
 * Every message string of the HTTP contract (shared/api/store-api.md), character for character.
 * Functions take the 0-based index or line number the contract puts in the message.
 */
export const UNAUTHORIZED_MESSAGE = 'Missing Authorization Header';

export const Messages = {
  fieldMissing: (field: string) => `Field ${field} is missing.`,
  invalidEmail: 'Invalid email.',
  invalidPassword: 'Invalid password.',
  emailExists: 'Email already exists.',
  invalidCredentials: 'Invalid credentials.',
  unknownUser: 'Unknown user.',
  tooManyLoginAttempts: 'Too many login attempts.',
  tooManyRegistrations: 'Too many registrations.',
  /** Additive: POST /change_password, the new password fails the §2.1 password rule. */
  invalidNewPassword: 'Invalid new password.',

  incorrectValues: (line: number) => `Incorrect number of values on line ${line}.`,
  incorrectPrice: (line: number) => `Incorrect price on line ${line}.`,
  productExists: (name: string) => `Product ${name} already exists.`,

  productIdMissing: (i: number) => `Product id is missing for request number ${i}.`,
  productQuantityMissing: (i: number) => `Product quantity is missing for request number ${i}.`,
  invalidProductId: (i: number) => `Invalid product id for request number ${i}.`,
  invalidProductQuantity: (i: number) => `Invalid product quantity for request number ${i}.`,
  invalidProduct: (i: number) => `Invalid product for request number ${i}.`,
  /** Additive to §4.2 (issue 12): checked after check 3. */
  invalidDeliveryLocation: 'Invalid delivery location.',
  /** Additive to §4.2 (issue 20): `deliveryAddress`, checked after the delivery location. */
  invalidDeliveryAddress: 'Invalid delivery address.',
  invalidStreet: 'Invalid street.',
  invalidAddressDetails: 'Invalid details.',
  invalidPhone: 'Invalid phone.',
  invalidNote: 'Invalid note.',
  /** Additive to §4.1 (issue 20): `match` is neither `exact` nor `insensitive`. */
  invalidMatch: 'Invalid match option.',

  missingOrderId: 'Missing order id.',
  invalidOrderId: 'Invalid order id.',

  /** Additive owner endpoints (issue 20 item 7, docs/api.md): `GET /orders`, `POST /update_product`. */
  invalidStatus: 'Invalid status.',
  invalidBefore: 'Invalid before.',
  missingProductId: 'Missing product id.',
  invalidUpdateProductId: 'Invalid product id.',
  nothingToUpdate: 'Field price or onSale is missing.',
  invalidUpdatePrice: 'Invalid price.',
  invalidOnSale: 'Invalid onSale value.',

  payloadTooLarge: 'Request body is too large.',
  serviceUnavailable: 'Service temporarily unavailable.',
  internalError: 'Internal server error.',
  notFound: 'Not found.',
  idempotencyKeyInvalid: 'Idempotency-Key must be 1 to 255 printable characters.',
  idempotencyKeyReused: 'Idempotency-Key was already used with a different request body.',
  idempotencyKeyInFlight: 'A request with this Idempotency-Key is still being processed.',
  invalidPushEndpoint: 'Invalid push endpoint.',
  invalidPushKeys: 'Invalid push keys.',
  invalidNotify: 'Invalid notify value.',
  tooManyPushSubscriptions: 'Too many push subscriptions.',
} as const;
