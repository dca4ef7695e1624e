import { Messages, isPositiveInteger } from '@shopwire/contracts';
import type { ProductChange } from '@shopwire/catalogue';

export type UpdateProductValidation = { ok: true; change: ProductChange } | { ok: false; message: string };

const given = (value: unknown) => value !== undefined && value !== null;

/**
 * The body checks of `POST /update_product` (docs/api.md), in order, in the contract's style
 * (absent and null are "missing", §0.4): the id, then that something is to change, then the
 * price — the rule of an imported price, a finite number above 0 (§3.1 check 3b), as a JSON
 * number (§0.4) — then `onSale`. Whether the product exists needs the database and comes last.
 */
export function validateUpdateProductBody(body: Record<string, unknown>): UpdateProductValidation {
  const { id, price, onSale } = body;
  if (!given(id)) return { ok: false, message: Messages.missingProductId };
  if (!isPositiveInteger(id)) return { ok: false, message: Messages.invalidUpdateProductId };
  if (!given(price) && !given(onSale)) return { ok: false, message: Messages.nothingToUpdate };
  if (given(price) && !(typeof price === 'number' && Number.isFinite(price) && price > 0)) {
    return { ok: false, message: Messages.invalidUpdatePrice };
  }
  if (given(onSale) && typeof onSale !== 'boolean') return { ok: false, message: Messages.invalidOnSale };
  return {
    ok: true,
    change: {
      id,
      ...(given(price) && { price: price as number }),
      ...(given(onSale) && { onSale: onSale as boolean }),
    },
  };
}
