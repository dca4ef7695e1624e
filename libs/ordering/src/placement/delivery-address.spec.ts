import { DELIVERY_ADDRESS_LIMITS, Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { parseDeliveryAddress } from './delivery-address.js';

const refused = (value: unknown) => {
  const validation = parseDeliveryAddress(value);
  return validation.ok ? undefined : validation.message;
};
const accepted = (value: unknown) => {
  const validation = parseDeliveryAddress(value);
  if (!validation.ok) throw new Error(`refused: ${validation.message}`);
  return validation.address;
};
const street = 'Knez Mihailova 5';
const repeat = (length: number) => 'x'.repeat(length);

describe('parseDeliveryAddress', () => {
  it('takes absent and null as no address', () => {
    expect(accepted(undefined)).toBeUndefined();
    expect(accepted(null)).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['a string', 'Knez Mihailova 5', Messages.invalidDeliveryAddress],
    ['an array', [street], Messages.invalidDeliveryAddress],
    ['a number', 5, Messages.invalidDeliveryAddress],
    ['true', true, Messages.invalidDeliveryAddress],
    ['an empty object', {}, Messages.fieldMissing('street')],
    ['street null', { street: null }, Messages.fieldMissing('street')],
    ['street a number', { street: 5 }, Messages.fieldMissing('street')],
    ['street empty', { street: '' }, Messages.fieldMissing('street')],
    ['street blank', { street: ' \t ' }, Messages.fieldMissing('street')],
    ['street too long', { street: repeat(DELIVERY_ADDRESS_LIMITS.street + 1) }, Messages.invalidStreet],
    ['street with a NUL', { street: 'Knez\u0000 5' }, Messages.invalidStreet],
    ['street with a line break', { street: 'Knez\nMihailova' }, Messages.invalidStreet],
    ['street with a C1 control', { street: 'Knez\u0085' }, Messages.invalidStreet],
    ['street with a bidi override', { street: 'Knez \u202Emirror' }, Messages.invalidStreet],
    ['street with a lone surrogate', { street: 'Knez \ud800' }, Messages.invalidStreet],
    ['street of punctuation only', { street: '.-,' }, Messages.invalidStreet],
    ['street of a zero-width space only', { street: '\u200B' }, Messages.invalidStreet],
    ['details a number', { street, details: 3 }, Messages.invalidAddressDetails],
    [
      'details too long',
      { street, details: repeat(DELIVERY_ADDRESS_LIMITS.details + 1) },
      Messages.invalidAddressDetails,
    ],
    ['details with a tab', { street, details: 'floor\t3' }, Messages.invalidAddressDetails],
    ['phone a number', { street, phone: 381641234567 }, Messages.invalidPhone],
    ['phone with letters', { street, phone: '+381 64 CALL ME' }, Messages.invalidPhone],
    ['phone with a + inside', { street, phone: '064+123456' }, Messages.invalidPhone],
    ['phone with two digits', { street, phone: '+1 2' }, Messages.invalidPhone],
    ['phone with 21 digits', { street, phone: '1'.repeat(21) }, Messages.invalidPhone],
    ['phone too long', { street, phone: `+${'1 '.repeat(16)}1` }, Messages.invalidPhone],
    ['note an object', { street, note: { text: 'hi' } }, Messages.invalidNote],
    ['note too long', { street, note: repeat(DELIVERY_ADDRESS_LIMITS.note + 1) }, Messages.invalidNote],
    ['note with a lone CR', { street, note: 'ring\rtwice' }, Messages.invalidNote],
    ['note with an escape', { street, note: 'ring \u001b[31m twice' }, Messages.invalidNote],
  ])('refuses %s', (_label, value, message) => {
    expect(refused(value)).toBe(message);
  });

  it('checks street, details, phone and note in this order', () => {
    const bad = { street: '', details: 1, phone: 'x', note: 1 };
    expect(refused(bad)).toBe(Messages.fieldMissing('street'));
    expect(refused({ ...bad, street: '\u0007' })).toBe(Messages.invalidStreet);
    expect(refused({ ...bad, street })).toBe(Messages.invalidAddressDetails);
    expect(refused({ ...bad, street, details: null })).toBe(Messages.invalidPhone);
    expect(refused({ ...bad, street, details: null, phone: null })).toBe(Messages.invalidNote);
  });

  it('trims every field, takes blank optional fields as none and ignores unknown keys', () => {
    expect(accepted({ street: `  ${street}\t`, details: '   ', phone: '', note: null, extra: true })).toEqual({
      street,
      details: null,
      phone: null,
      note: null,
    });
    expect(
      accepted({ street, details: ' 3rd floor, door 12 ', phone: ' +381 (64) 123-45.67 ', note: ' ring ' }),
    ).toEqual({ street, details: '3rd floor, door 12', phone: '+381 (64) 123-45.67', note: 'ring' });
  });

  it('counts characters, not UTF-16 units, at the limits', () => {
    const emoji = `5${'🏠'.repeat(DELIVERY_ADDRESS_LIMITS.street - 1)}`;
    expect(accepted({ street: emoji })?.street).toBe(emoji);
    expect(refused({ street: `${emoji}x` })).toBe(Messages.invalidStreet);
    expect(accepted({ street: repeat(DELIVERY_ADDRESS_LIMITS.street) })?.street).toHaveLength(200);
    expect(accepted({ street, phone: `+${'1'.repeat(20)}` })?.phone).toBe(`+${'1'.repeat(20)}`);
  });

  it('keeps line breaks in the note only, CRLF as LF, and letters of any script', () => {
    expect(accepted({ street: 'Кнез Михаилова 5', note: 'Ring twice\r\nthen call' })).toEqual({
      street: 'Кнез Михаилова 5',
      details: null,
      phone: null,
      note: 'Ring twice\nthen call',
    });
  });
});
