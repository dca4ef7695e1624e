/**
 * Contract messages in words a shopper understands. The contract's own message stays available
 * as `detail` (shown under "Details"), so support can still see exactly what the service said.
 */
export interface ExplainedError {
  message: string;
  /** The service's message (or the browser's), when it differs from `message`. */
  detail?: string;
}

/** What the user was doing: the same contract message means different things in different places. */
export type Action = 'sign-in' | 'register' | 'search' | 'order' | 'confirm' | 'pick-up' | 'load' | 'import';

export interface ErrorLike {
  status?: number;
  detail?: string;
  message?: string;
}

export interface ExplainContext {
  /** Names of the order's lines, by request index, to name the product a message points at. */
  lineNames?: readonly string[];
}

const FIELD_LABELS: Record<string, string> = {
  forename: 'first name',
  surname: 'last name',
  email: 'email address',
  password: 'password',
  requests: 'cart',
  street: 'street and number',
  file: 'file',
};

const FIXED: Record<string, string> = {
  'Invalid email.': 'Please enter a valid email address, like name@example.org.',
  'Invalid password.': 'Your password needs between 8 and 256 characters.',
  'Email already exists.': 'An account with this email already exists. Try signing in instead.',
  'Invalid credentials.': 'That email and password do not match an account. Check them and try again.',
  'Unknown user.': 'This account no longer exists.',
  'Too many login attempts.': 'Too many sign-in attempts. Please wait a few minutes and try again.',
  'Too many registrations.': 'Too many accounts were created from this network. Please try again later.',
  'Missing order id.': 'Something went wrong with this order. Please reload the page.',
  // The delivery address (issue 20): shown under the field each one names.
  'Invalid street.': 'Please keep the street and number under 200 characters, without special symbols.',
  'Invalid details.': 'Please keep the details under 200 characters, without special symbols.',
  'Invalid phone.': 'Please enter a phone number in digits, like +381 64 123 4567.',
  'Invalid note.': 'Please keep the note under 500 characters, without special symbols.',
  'Invalid delivery address.': 'The delivery address could not be read. Please check it and try again.',
  'Invalid delivery location.': 'The point on the map could not be used. Please pin it again.',
  'Idempotency-Key was already used with a different request body.':
    'Your cart changed while the order was being placed. Please press "Place order" again.',
  'A request with this Idempotency-Key is still being processed.':
    'Your order is still being placed. Please wait a moment.',
};

const BY_ACTION: Partial<Record<Action, Record<string, string>>> = {
  confirm: {
    'Invalid order id.': 'This order cannot be confirmed: it has not been picked up yet, or it is already delivered.',
  },
  'pick-up': { 'Invalid order id.': 'Another courier already picked up this order.' },
};

function byStatus(status: number | undefined, action: Action): string | undefined {
  if (status === 0) return 'We cannot reach the store right now. Check your connection and try again.';
  if (status === 401) return 'Your session has expired. Please sign in again.';
  if (status === 413) return action === 'import' ? 'This file is too large to import.' : 'This request is too large.';
  if (status === 503) return 'The store is busy right now. Please try again in a moment.';
  if (status !== undefined && status >= 500) return 'Something went wrong on our side. Please try again.';
  return undefined;
}

function byPattern(message: string, context: ExplainContext): string | undefined {
  const field = /^Field (\w+) is missing\.$/.exec(message);
  if (field) {
    if (field[1] === 'requests') return 'Your cart is empty. Add a product first.';
    return `Please fill in your ${FIELD_LABELS[field[1]] ?? field[1]}.`;
  }
  const line = /request number (\d+)\.$/.exec(message);
  if (line) {
    const name = context.lineNames?.[Number(line[1])];
    const what = name ? `"${name}"` : 'A product in your cart';
    if (message.startsWith('Invalid product for')) return `${what} is no longer available. Remove it and try again.`;
    if (message.includes('quantity')) return `${what} needs a whole-number quantity of at least 1.`;
    return `${what} could not be ordered. Remove it and add it again.`;
  }
  return undefined;
}

export function explainError(error: unknown, action: Action, context: ExplainContext = {}): ExplainedError {
  const { status, detail, message } = (error ?? {}) as ErrorLike;
  const original = detail ?? message ?? String(error);
  const wording =
    BY_ACTION[action]?.[original] ??
    FIXED[original] ??
    byPattern(original, context) ??
    byStatus(status, action) ??
    'Something went wrong. Please try again.';
  return wording === original ? { message: wording } : { message: wording, detail: original };
}
