import { Messages, isPositiveInteger } from '@shopwire/contracts';

export type OrderIdValidation = { ok: true; orderId: number } | { ok: false; message: string };

/**
 * Checks 2–3 of `POST /delivered` and `POST /pick_up_order` (contract §4.4, §5.2): `id` absent or
 * null → missing; not a positive integer → invalid. Existence and state are the transition's job.
 */
export function validateOrderIdBody(body: Record<string, unknown>): OrderIdValidation {
  const id = body.id;
  if (id === undefined || id === null) return { ok: false, message: Messages.missingOrderId };
  if (!isPositiveInteger(id)) return { ok: false, message: Messages.invalidOrderId };
  return { ok: true, orderId: id };
}
