import type { RegistrationInput } from '../registration/registration-validation.js';

/** An owner account to provision at start: same fields and rules as a registration. */
export type OwnerSeed = RegistrationInput;

/** The pre-provisioned owner of contract §1.4. */
export const DEFAULT_OWNER: OwnerSeed = {
  forename: 'Scrooge',
  surname: 'McDuck',
  email: 'onlymoney@gmail.com',
  password: 'evenmoremoney',
};
