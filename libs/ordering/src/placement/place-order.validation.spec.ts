import { Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { validatePlaceOrderBody } from './place-order.validation.js';

const missing = Messages.fieldMissing('requests');

describe('POST /order checks 1–2 (contract §4.2)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['no requests', {}, missing],
    ['requests null', { requests: null }, missing],
    ['requests an object', { requests: { id: 1, quantity: 1 } }, missing],
    ['requests a string', { requests: '[]' }, missing],
    ['requests empty', { requests: [] }, missing],
    ['element a number', { requests: [5] }, Messages.productIdMissing(0)],
    ['element null', { requests: [null] }, Messages.productIdMissing(0)],
    ['element an array', { requests: [[1, 2]] }, Messages.productIdMissing(0)],
    ['id absent', { requests: [{ quantity: 1 }] }, Messages.productIdMissing(0)],
    ['id null', { requests: [{ id: null, quantity: 1 }] }, Messages.productIdMissing(0)],
    ['2a before 2b', { requests: [{}] }, Messages.productIdMissing(0)],
    ['quantity absent', { requests: [{ id: 1 }] }, Messages.productQuantityMissing(0)],
    ['quantity null', { requests: [{ id: 1, quantity: null }] }, Messages.productQuantityMissing(0)],
    ['2b before 2c', { requests: [{ id: 'x' }] }, Messages.productQuantityMissing(0)],
    ['id a numeric string', { requests: [{ id: '7', quantity: 1 }] }, Messages.invalidProductId(0)],
    ['id zero', { requests: [{ id: 0, quantity: 1 }] }, Messages.invalidProductId(0)],
    ['id negative', { requests: [{ id: -1, quantity: 1 }] }, Messages.invalidProductId(0)],
    ['id fractional', { requests: [{ id: 1.5, quantity: 1 }] }, Messages.invalidProductId(0)],
    ['id boolean', { requests: [{ id: true, quantity: 1 }] }, Messages.invalidProductId(0)],
    ['id an object', { requests: [{ id: {}, quantity: 1 }] }, Messages.invalidProductId(0)],
    ['2c before 2d', { requests: [{ id: 'a', quantity: 'b' }] }, Messages.invalidProductId(0)],
    ['quantity a string', { requests: [{ id: 1, quantity: '2' }] }, Messages.invalidProductQuantity(0)],
    ['quantity zero', { requests: [{ id: 1, quantity: 0 }] }, Messages.invalidProductQuantity(0)],
    ['quantity fractional', { requests: [{ id: 1, quantity: 2.5 }] }, Messages.invalidProductQuantity(0)],
    ['quantity negative', { requests: [{ id: 1, quantity: -2 }] }, Messages.invalidProductQuantity(0)],
    ['quantity an array', { requests: [{ id: 1, quantity: [2] }] }, Messages.invalidProductQuantity(0)],
    ['quantity above 2^53 − 1', { requests: [{ id: 1, quantity: 2 ** 53 }] }, Messages.invalidProductQuantity(0)],
    [
      'summed quantity above 2^53 − 1',
      {
        requests: [
          { id: 1, quantity: 2 ** 52 },
          { id: 2, quantity: 1 },
          { id: 1, quantity: 2 ** 52 },
        ],
      },
      Messages.invalidProductQuantity(2),
    ],
    [
      'element 0 fully checked before element 1',
      { requests: [{ id: 1, quantity: 0 }, { quantity: 1 }] },
      Messages.invalidProductQuantity(0),
    ],
    [
      'index of the failing element',
      { requests: [{ id: 1, quantity: 1 }, { id: 2, quantity: 1 }, {}] },
      Messages.productIdMissing(2),
    ],
    [
      'later element quantity missing',
      { requests: [{ id: 1, quantity: 1 }, { id: 2 }] },
      Messages.productQuantityMissing(1),
    ],
    [
      'later element id invalid',
      {
        requests: [
          { id: 1, quantity: 1 },
          { id: '2', quantity: 1 },
        ],
      },
      Messages.invalidProductId(1),
    ],
  ])('%s', (_label, body, message) => {
    expect(validatePlaceOrderBody(body)).toEqual({ ok: false, message });
  });

  it('accepts positive integers, 7.0 included, and keeps element order and repeats', () => {
    const body = JSON.parse(
      '{"requests":[{"id":7.0,"quantity":2},{"id":3,"quantity":1.0,"extra":"ignored"},{"id":7,"quantity":5}]}',
    );
    expect(validatePlaceOrderBody(body)).toEqual({
      ok: true,
      requests: [
        { productId: 7, quantity: 2 },
        { productId: 3, quantity: 1 },
        { productId: 7, quantity: 5 },
      ],
    });
  });

  it('accepts ids beyond the stored range (they simply do not exist: check 3)', () => {
    expect(validatePlaceOrderBody({ requests: [{ id: 10_000_000_000, quantity: 1 }] })).toEqual({
      ok: true,
      requests: [{ productId: 10_000_000_000, quantity: 1 }],
    });
  });

  it('accepts the largest exact quantity', () => {
    expect(validatePlaceOrderBody({ requests: [{ id: 1, quantity: Number.MAX_SAFE_INTEGER }] }).ok).toBe(true);
  });
});
