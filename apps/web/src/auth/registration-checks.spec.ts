import { Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { checkRegistration, fieldOfRegistrationMessage } from './registration-checks';

const valid = { forename: 'Ana', surname: 'Petrovic', email: 'ana@example.org', password: 's3cretPass' };

describe('checkRegistration: every field’s problem at once, by the contract’s rules', () => {
  it('accepts a valid form', () => {
    expect(checkRegistration(valid)).toEqual({});
  });

  it('reports all four fields of an empty form together', () => {
    expect(Object.keys(checkRegistration({ forename: '', surname: '', email: '', password: '' }))).toEqual([
      'forename',
      'surname',
      'email',
      'password',
    ]);
  });

  it('applies the email rule and the password and name lengths', () => {
    for (const email of ['name', 'name@', 'name@host', 'name@host.', 'name@host.x']) {
      expect(checkRegistration({ ...valid, email }).email).toBeDefined();
    }
    expect(checkRegistration({ ...valid, password: '1234567' }).password).toBeDefined();
    expect(checkRegistration({ ...valid, password: '12345678' })).toEqual({});
    expect(checkRegistration({ ...valid, password: '😀'.repeat(256) })).toEqual({});
    expect(checkRegistration({ ...valid, password: '😀'.repeat(257) }).password).toBeDefined();
    expect(checkRegistration({ ...valid, forename: 'a'.repeat(257) }).forename).toBeDefined();
    expect(checkRegistration({ ...valid, forename: ' ' })).toEqual({}); // present: the contract does not trim
  });

  it('places each service message under its field', () => {
    expect(fieldOfRegistrationMessage(Messages.fieldMissing('surname'))).toBe('surname');
    expect(fieldOfRegistrationMessage(Messages.invalidEmail)).toBe('email');
    expect(fieldOfRegistrationMessage(Messages.emailExists)).toBe('email');
    expect(fieldOfRegistrationMessage(Messages.invalidPassword)).toBe('password');
    expect(fieldOfRegistrationMessage('Too many registrations.')).toBeUndefined();
  });
});
