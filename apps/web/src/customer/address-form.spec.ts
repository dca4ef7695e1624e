import { describe, expect, it } from 'vitest';
import { addressBody, checkAddress, EMPTY_ADDRESS, fieldOfMessage } from './address-form';

describe('the delivery address form', () => {
  it('asks for nothing when no address field is filled', () => {
    expect(checkAddress(EMPTY_ADDRESS)).toEqual({});
    expect(addressBody(EMPTY_ADDRESS)).toBeUndefined();
  });

  it('asks for the street once any other address field is filled', () => {
    expect(checkAddress({ ...EMPTY_ADDRESS, note: 'Ring twice' })).toEqual({
      street: expect.stringMatching(/street and number/),
    });
    expect(checkAddress({ ...EMPTY_ADDRESS, street: '   ', details: 'Flat 3' }).street).toBeDefined();
  });

  it('checks that a phone number is one', () => {
    expect(checkAddress({ ...EMPTY_ADDRESS, street: 'Main 1', phone: '+381 64 123-4567' })).toEqual({});
    expect(checkAddress({ ...EMPTY_ADDRESS, street: 'Main 1', phone: 'call me' }).phone).toBeDefined();
    expect(checkAddress({ ...EMPTY_ADDRESS, street: 'Main 1', phone: '12' }).phone).toBeDefined();
    expect(checkAddress({ ...EMPTY_ADDRESS, street: 'Main 1', phone: '112' })).toEqual({});
    expect(checkAddress({ ...EMPTY_ADDRESS, street: 'Main 1', phone: '1'.repeat(21) }).phone).toBeDefined();
    expect(checkAddress({ ...EMPTY_ADDRESS, street: 'Main 1', phone: '064+123' }).phone).toBeDefined();
  });

  it('sends the trimmed fields that were filled, only', () => {
    expect(addressBody({ street: ' Main 1 ', details: '', phone: ' 0641234567', note: 'Blue door' })).toEqual({
      street: 'Main 1',
      phone: '0641234567',
      note: 'Blue door',
    });
  });

  it('places a service message under the field it names', () => {
    expect(fieldOfMessage('Invalid phone.')).toBe('phone');
    expect(fieldOfMessage('Invalid details.')).toBe('details');
    expect(fieldOfMessage('Invalid note.')).toBe('note');
    expect(fieldOfMessage('Field street is missing.')).toBe('street');
    expect(fieldOfMessage('Invalid delivery address.')).toBeUndefined();
    expect(fieldOfMessage('Invalid product for request number 1.')).toBeUndefined();
  });
});
