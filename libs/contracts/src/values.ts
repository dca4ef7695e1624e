/**
 * Value rules of contract §0.4, as pure predicates shared by every service's validation.
 */

/** Key exists, value is a JSON string of length ≥ 1. Whitespace is not trimmed. */
export function isPresentString(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1;
}

/** A JSON number with no fractional part and value ≥ 1 (`7` and `7.0` qualify). */
export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

const EMAIL_RULE = /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;

/** Email rule of contract §2.1 (length limit included). */
export function isValidEmail(value: string): boolean {
  return value.length <= 256 && EMAIL_RULE.test(value);
}

/** Emails are compared case-insensitively (contract §0.4): this is the stored, compared form. */
export function normaliseEmail(email: string): string {
  return email.toLowerCase();
}
