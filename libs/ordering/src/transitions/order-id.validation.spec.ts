import { Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { validateOrderIdBody } from './order-id.validation.js';

describe('order id body (contract §4.4 / §5.2 checks 2–3)', () => {
  it.each([
    [{}, Messages.missingOrderId],
    [{ id: null }, Messages.missingOrderId],
    [{ id: '5' }, Messages.invalidOrderId],
    [{ id: 0 }, Messages.invalidOrderId],
    [{ id: -3 }, Messages.invalidOrderId],
    [{ id: 1.5 }, Messages.invalidOrderId],
    [{ id: true }, Messages.invalidOrderId],
    [{ id: [1] }, Messages.invalidOrderId],
    [{ id: { id: 1 } }, Messages.invalidOrderId],
  ])('%j → %s', (body, message) => {
    expect(validateOrderIdBody(body)).toEqual({ ok: false, message });
  });

  it.each([
    [{ id: 5 }, 5],
    [{ id: 5.0 }, 5],
    [{ id: 10_000_000_000 }, 10_000_000_000],
  ])('%j is syntactically valid', (body, orderId) => {
    expect(validateOrderIdBody(body)).toEqual({ ok: true, orderId });
  });
});
