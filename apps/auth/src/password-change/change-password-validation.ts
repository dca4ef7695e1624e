import { Messages, isPresentString } from '@shopwire/contracts';
import { isValidPassword } from '../validation/account-field-rules.js';
import { invalid, valid, type ValidationResult } from '../validation/validation-result.js';

export interface ChangePasswordInput {
  password: string;
  newPassword: string;
}

/**
 * `POST /change_password` checks before the database, in the style of contract §2.1: both presence
 * checks first, then the new password against the registration's password rule (8..256
 * characters). The current password's length is not checked: a wrong one is simply wrong.
 */
export function validateChangePassword(body: Record<string, unknown>): ValidationResult<ChangePasswordInput> {
  const { password, newPassword } = body;
  if (!isPresentString(password)) return invalid(Messages.fieldMissing('password'));
  if (!isPresentString(newPassword)) return invalid(Messages.fieldMissing('newPassword'));
  if (!isValidPassword(newPassword)) return invalid(Messages.invalidNewPassword);
  return valid({ password, newPassword });
}
