import { Messages, isPositiveInteger } from '@shopwire/contracts';
import type { OrderRequest } from './order-request.js';

export type PlaceOrderValidation = { ok: true; requests: OrderRequest[] } | { ok: false; message: string };

/**
 * Checks 1–2 of `POST /order` (contract §4.2), element by element in order (2a–2d for element i
 * before element i+1). Product existence (check 3) needs the database and comes after.
 *
 * Decision: a quantity above Number.MAX_SAFE_INTEGER (2^53 − 1) cannot be stored exactly, so it
 * is `Invalid product quantity for request number i.` — as is the element whose quantity pushes
 * the summed quantity of a repeated product id past that bound.
 */
export function validatePlaceOrderBody(body: Record<string, unknown>): PlaceOrderValidation {
  const elements = body.requests;
  if (!Array.isArray(elements) || elements.length === 0) {
    return { ok: false, message: Messages.fieldMissing('requests') };
  }
  const requests: OrderRequest[] = [];
  const summed = new Map<number, number>();
  for (const [i, element] of elements.entries()) {
    const fields = isPlainObject(element) ? element : undefined;
    if (fields?.id === undefined || fields.id === null) return { ok: false, message: Messages.productIdMissing(i) };
    if (fields.quantity === undefined || fields.quantity === null) {
      return { ok: false, message: Messages.productQuantityMissing(i) };
    }
    const { id, quantity } = fields;
    if (!isPositiveInteger(id)) return { ok: false, message: Messages.invalidProductId(i) };
    const total = isPositiveInteger(quantity) ? (summed.get(id) ?? 0) + quantity : Number.NaN;
    if (!(total <= Number.MAX_SAFE_INTEGER)) return { ok: false, message: Messages.invalidProductQuantity(i) };
    summed.set(id, total);
    requests.push({ productId: id, quantity: quantity as number });
  }
  return { ok: true, requests };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
