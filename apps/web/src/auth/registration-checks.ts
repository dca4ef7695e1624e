import { isPresentString, isValidEmail, Messages, type RegistrationBody } from '@shopwire/contracts';

export type RegistrationField = keyof RegistrationBody;
export type RegistrationErrors = Partial<Record<RegistrationField, string>>;

/** Characters as the auth service counts them (code points: an emoji is one). */
const length = (value: string) => [...value].length;
const MAX = 256;

/**
 * Every problem of the form at once, by field — the rules of the contract's registration (§2.1:
 * present names ≤ 256 characters, the email rule, a password of 8–256 characters), checked
 * before anything is sent. The service still has the last word (e.g. "Email already exists.").
 */
export function checkRegistration(form: RegistrationBody): RegistrationErrors {
  const errors: RegistrationErrors = {};
  if (!isPresentString(form.forename)) errors.forename = 'Please fill in your first name.';
  else if (length(form.forename) > MAX) errors.forename = 'Your first name can have at most 256 characters.';
  if (!isPresentString(form.surname)) errors.surname = 'Please fill in your last name.';
  else if (length(form.surname) > MAX) errors.surname = 'Your last name can have at most 256 characters.';
  if (!isPresentString(form.email)) errors.email = 'Please fill in your email address.';
  else if (!isValidEmail(form.email)) errors.email = 'Please enter a valid email address, like name@example.org.';
  if (!isPresentString(form.password)) errors.password = 'Please choose a password.';
  else if (length(form.password) < 8 || length(form.password) > MAX) {
    errors.password = 'Your password needs between 8 and 256 characters.';
  }
  return errors;
}

/** The field a service message is about ("Field email is missing.", "Invalid password.", …). */
export function fieldOfRegistrationMessage(message: string): RegistrationField | undefined {
  const fields: RegistrationField[] = ['forename', 'surname', 'email', 'password'];
  const missing = fields.find((field) => message === Messages.fieldMissing(field));
  if (missing) return missing;
  if (message === Messages.invalidEmail || message === Messages.emailExists) return 'email';
  if (message === Messages.invalidPassword) return 'password';
  return undefined;
}
