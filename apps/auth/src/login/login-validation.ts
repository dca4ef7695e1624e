import { Messages, isPresentString, isValidEmail } from '@shopwire/contracts';
import { invalid, valid, type ValidationResult } from '../validation/validation-result.js';

export interface LoginInput {
  email: string;
  password: string;
}

/**
 * Contract §2.2 checks 1–3 in order. The password's length is deliberately not checked here:
 * a wrong password of any length is simply `Invalid credentials.` (check 4, in the service).
 */
export function validateLogin(body: Record<string, unknown>): ValidationResult<LoginInput> {
  const { email, password } = body;
  if (!isPresentString(email)) return invalid(Messages.fieldMissing('email'));
  if (!isPresentString(password)) return invalid(Messages.fieldMissing('password'));
  if (!isValidEmail(email)) return invalid(Messages.invalidEmail);
  return valid({ email, password });
}
