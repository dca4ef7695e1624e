import { Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { explainError } from './errors';

const failure = (status: number, detail: string) => ({ status, detail });

describe('explainError: contract messages in a shopper’s words', () => {
  it('keeps the contract message as detail', () => {
    expect(explainError(failure(400, Messages.invalidCredentials), 'sign-in')).toEqual({
      message: 'That email and password do not match an account. Check them and try again.',
      detail: 'Invalid credentials.',
    });
  });

  it('names the product a request index points at, never the index', () => {
    const explained = explainError(failure(400, Messages.invalidProduct(1)), 'order', { lineNames: ['Apple', 'Milk'] });
    expect(explained.message).toBe('"Milk" is no longer available. Remove it and try again.');
    expect(explained.message).not.toMatch(/\d/);
    expect(explainError(failure(400, Messages.invalidProductQuantity(0)), 'order').message).toBe(
      'A product in your cart needs a whole-number quantity of at least 1.',
    );
  });

  it('reads the same message differently per action', () => {
    expect(explainError(failure(400, Messages.invalidOrderId), 'pick-up').message).toMatch(/Another courier/);
    expect(explainError(failure(400, Messages.invalidOrderId), 'confirm').message).toMatch(/cannot be confirmed/);
  });

  it('words missing fields, unreachable and failing services', () => {
    expect(explainError(failure(400, Messages.fieldMissing('forename')), 'register').message).toBe(
      'Please fill in your first name.',
    );
    expect(explainError(failure(0, 'Failed to fetch'), 'search')).toEqual({
      message: 'We cannot reach the store right now. Check your connection and try again.',
      detail: 'Failed to fetch',
    });
    expect(explainError(failure(503, Messages.serviceUnavailable), 'order').message).toMatch(/busy/);
    expect(explainError(failure(500, Messages.internalError), 'order').message).toMatch(/on our side/);
  });

  it('has wording for every contract message a shopper or courier can meet', () => {
    const messages = [
      Messages.fieldMissing('email'),
      Messages.invalidEmail,
      Messages.invalidPassword,
      Messages.emailExists,
      Messages.tooManyLoginAttempts,
      Messages.productIdMissing(0),
      Messages.productQuantityMissing(0),
      Messages.invalidProductId(0),
      Messages.missingOrderId,
      Messages.idempotencyKeyInFlight,
      Messages.idempotencyKeyReused,
    ];
    for (const message of messages) {
      const explained = explainError(failure(400, message), 'order');
      expect(explained.detail).toBe(message);
      expect(explained.message).not.toBe('Something went wrong. Please try again.');
    }
  });
});

describe('explainError: the owner running the shop', () => {
  it('words the update_product refusals, the unknown id as a product (not an order)', () => {
    expect(explainError(failure(400, Messages.invalidUpdatePrice), 'update-product')).toEqual({
      message: 'The price must be a number above 0, like 4.50.',
      detail: Messages.invalidUpdatePrice,
    });
    expect(explainError(failure(400, Messages.invalidUpdateProductId), 'update-product').message).toMatch(
      /no longer in the catalogue/,
    );
    for (const message of [Messages.missingProductId, Messages.nothingToUpdate, Messages.invalidStatus]) {
      expect(explainError(failure(400, message), 'load').message).not.toBe('Something went wrong. Please try again.');
    }
  });
});
