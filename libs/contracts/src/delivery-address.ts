/**
 * Limits of `POST /order`'s `deliveryAddress` (issue 20), in characters (Unicode code points,
 * as the database's VARCHAR counts them), after trimming. Shared so a form can say the same.
 */
export const DELIVERY_ADDRESS_LIMITS = {
  street: 200,
  details: 200,
  phone: 32,
  note: 500,
  /** A phone number holds this many digits at least and at most (E.164 is ≤ 15, plus extensions). */
  phoneDigitsMin: 3,
  phoneDigitsMax: 20,
} as const;
