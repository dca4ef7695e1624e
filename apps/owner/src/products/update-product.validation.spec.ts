import { Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { validateUpdateProductBody } from './update-product.validation.js';

describe('validateUpdateProductBody (POST /update_product)', () => {
  it.each([
    [{}, Messages.missingProductId],
    [{ id: null, price: 1 }, Messages.missingProductId],
    [{ id: '7', price: 1 }, Messages.invalidUpdateProductId],
    [{ id: 0, price: 1 }, Messages.invalidUpdateProductId],
    [{ id: 1.5, price: 1 }, Messages.invalidUpdateProductId],
    [{ id: true, price: 1 }, Messages.invalidUpdateProductId],
    [{ id: 1 }, Messages.nothingToUpdate],
    [{ id: 1, price: null, onSale: null }, Messages.nothingToUpdate],
    [{ id: 1, price: 0 }, Messages.invalidUpdatePrice],
    [{ id: 1, price: -1.5 }, Messages.invalidUpdatePrice],
    [{ id: 1, price: '2.5' }, Messages.invalidUpdatePrice],
    [{ id: 1, price: 2, onSale: 'false' }, Messages.invalidOnSale],
    [{ id: 1, onSale: 0 }, Messages.invalidOnSale],
    // The price is checked before onSale, the id before either.
    [{ id: 'x', price: 0, onSale: 1 }, Messages.invalidUpdateProductId],
    [{ id: 1, price: 0, onSale: 1 }, Messages.invalidUpdatePrice],
  ])('%j → %s', (body, message) => {
    expect(validateUpdateProductBody(body)).toEqual({ ok: false, message });
  });

  it.each([
    [
      { id: 7, price: 2.5 },
      { id: 7, price: 2.5 },
    ],
    [
      { id: 7.0, onSale: false },
      { id: 7, onSale: false },
    ],
    [
      { id: 7, price: 1e-7, onSale: true, name: 'ignored' },
      { id: 7, price: 1e-7, onSale: true },
    ],
    [
      { id: 7, price: null, onSale: true },
      { id: 7, onSale: true },
    ],
  ])('%j → change %j', (body, change) => {
    expect(validateUpdateProductBody(body)).toEqual({ ok: true, change });
  });
});
