import { Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { numberIn, valueIn } from './contract-messages';

describe('reading values out of contract messages by their templates', () => {
  it('finds the field, the request index and the product name the service put in', () => {
    expect(valueIn(Messages.fieldMissing('forename'), Messages.fieldMissing)).toBe('forename');
    expect(numberIn(Messages.invalidProduct(12), Messages.invalidProduct)).toBe(12);
    expect(valueIn(Messages.productExists('Wrench, 10 mm'), Messages.productExists)).toBe('Wrench, 10 mm');
  });

  it('tells templates with a common ending apart', () => {
    const message = Messages.invalidProductId(3);
    expect(numberIn(message, Messages.invalidProductId)).toBe(3);
    expect(numberIn(message, Messages.invalidProduct)).toBeUndefined();
    expect(numberIn(message, Messages.invalidProductQuantity)).toBeUndefined();
  });

  it('refuses what the service would never write in the slot, and other messages', () => {
    expect(numberIn('Invalid product for request number 01.', Messages.invalidProduct)).toBeUndefined();
    expect(numberIn('Invalid product for request number -1.', Messages.invalidProduct)).toBeUndefined();
    expect(numberIn('Invalid product for request number .', Messages.invalidProduct)).toBeUndefined();
    expect(valueIn(Messages.invalidEmail, Messages.fieldMissing)).toBeUndefined();
  });
});
