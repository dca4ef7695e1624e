import { Messages, isPresentString, isValidEmail } from '@shopwire/contracts';
import { isPresentName, isValidPassword } from '../validation/account-field-rules.js';
import { invalid, valid, type ValidationResult } from '../validation/validation-result.js';

export interface RegistrationInput {
  forename: string;
  surname: string;
  email: string;
  password: string;
}

/**
 * Contract §2.1 checks 1–6 in order: all four presence checks, then email format, then password
 * length. Check 7 (email already taken) needs the database and belongs to the service.
 */
export function validateRegistration(body: Record<string, unknown>): ValidationResult<RegistrationInput> {
  const { forename, surname, email, password } = body;
  if (!isPresentName(forename)) return invalid(Messages.fieldMissing('forename'));
  if (!isPresentName(surname)) return invalid(Messages.fieldMissing('surname'));
  if (!isPresentString(email)) return invalid(Messages.fieldMissing('email'));
  if (!isPresentString(password)) return invalid(Messages.fieldMissing('password'));
  if (!isValidEmail(email)) return invalid(Messages.invalidEmail);
  if (!isValidPassword(password)) return invalid(Messages.invalidPassword);
  return valid({ forename, surname, email, password });
}
