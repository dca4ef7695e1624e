import type { RegistrationInput } from '../registration/registration-validation.js';

/** An owner account to provision at start: same fields and rules as a registration. */
export type OwnerSeed = RegistrationInput;

/** The contract's owner password (§1.4): public, so refused in production unless allowed (ADR 0017). */
export const WELL_KNOWN_OWNER_PASSWORD = 'evenmoremoney';

/** The pre-provisioned owner of contract §1.4: the default outside production. */
export const DEFAULT_OWNER: OwnerSeed = {
  forename: 'Scrooge',
  surname: 'McDuck',
  email: 'onlymoney@gmail.com',
  password: WELL_KNOWN_OWNER_PASSWORD,
};
