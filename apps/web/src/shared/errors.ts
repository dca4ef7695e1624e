import { Messages } from '@shopwire/contracts';
import { numberIn, valueIn } from './contract-messages';

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
export type Action =
  | 'sign-in'
  | 'register'
  | 'search'
  | 'order'
  | 'confirm'
  | 'pick-up'
  | 'load'
  | 'import'
  | 'update-product'
  | 'notifications';

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

/** Fixed contract messages (keyed on `Messages`, never on a copy of their text). */
const FIXED: Record<string, string> = {
  [Messages.invalidEmail]: 'Please enter a valid email address, like name@example.org.',
  [Messages.invalidPassword]: 'Your password needs between 8 and 256 characters.',
  [Messages.emailExists]: 'An account with this email already exists. Try signing in instead.',
  [Messages.invalidCredentials]: 'That email and password do not match an account. Check them and try again.',
  [Messages.unknownUser]: 'This account no longer exists.',
  [Messages.tooManyLoginAttempts]: 'Too many sign-in attempts. Please wait a few minutes and try again.',
  [Messages.tooManyRegistrations]: 'Too many accounts were created from this network. Please try again later.',
  [Messages.missingOrderId]: 'Something went wrong with this order. Please reload the page.',
  // The delivery address (issue 20): shown under the field each one names.
  [Messages.invalidStreet]: 'Please keep the street and number under 200 characters, without special symbols.',
  [Messages.invalidAddressDetails]: 'Please keep the details under 200 characters, without special symbols.',
  [Messages.invalidPhone]: 'Please enter a phone number in digits, like +381 64 123 4567.',
  [Messages.invalidNote]: 'Please keep the note under 500 characters, without special symbols.',
  [Messages.invalidDeliveryAddress]: 'The delivery address could not be read. Please check it and try again.',
  [Messages.invalidDeliveryLocation]: 'The point on the map could not be used. Please pin it again.',
  [Messages.idempotencyKeyReused]:
    'Your cart changed while the order was being placed. Please press "Place order" again.',
  [Messages.idempotencyKeyInFlight]: 'Your order is still being placed. Please wait a moment.',
  // The owner running the shop (issue 20 item 7).
  [Messages.invalidUpdatePrice]: 'The price must be a number above 0, like 4.50.',
  [Messages.invalidStatus]: 'The orders could not be filtered by this status. Please reload the page.',
  [Messages.invalidBefore]: 'The older orders could not be loaded. Please reload the page.',
  [Messages.missingProductId]: 'Something went wrong with this product. Please reload the page.',
  [Messages.nothingToUpdate]: 'Enter a new price first.',
};

const BY_ACTION: Partial<Record<Action, Record<string, string>>> = {
  confirm: {
    [Messages.invalidOrderId]:
      'This order cannot be confirmed: it has not been picked up yet, or it is already delivered.',
  },
  'pick-up': { [Messages.invalidOrderId]: 'Another courier already picked up this order.' },
  'update-product': {
    [Messages.invalidUpdateProductId]: 'This product is no longer in the catalogue. Please reload the page.',
  },
};

function byStatus(status: number | undefined, action: Action): string | undefined {
  if (status === 0) return 'We cannot reach the store right now. Check your connection and try again.';
  if (status === 401) return 'Your session has expired. Please sign in again.';
  if (status === 413) return action === 'import' ? 'This file is too large to import.' : 'This request is too large.';
  if (status === 503) return 'The store is busy right now. Please try again in a moment.';
  if (status !== undefined && status >= 500) return 'Something went wrong on our side. Please try again.';
  return undefined;
}

/** Messages that name a field or a cart line, read through their templates. */
function byTemplate(message: string, context: ExplainContext): string | undefined {
  const field = valueIn(message, Messages.fieldMissing);
  if (field !== undefined) {
    if (field === 'requests') return 'Your cart is empty. Add a product first.';
    return `Please fill in your ${FIELD_LABELS[field] ?? field}.`;
  }
  const what = (index: number) => {
    const name = context.lineNames?.[index];
    return name ? `"${name}"` : 'A product in your cart';
  };
  const unavailable = numberIn(message, Messages.invalidProduct);
  if (unavailable !== undefined) return `${what(unavailable)} is no longer available. Remove it and try again.`;
  const quantity =
    numberIn(message, Messages.invalidProductQuantity) ?? numberIn(message, Messages.productQuantityMissing);
  if (quantity !== undefined) return `${what(quantity)} needs a whole-number quantity of at least 1.`;
  const line = numberIn(message, Messages.invalidProductId) ?? numberIn(message, Messages.productIdMissing);
  if (line !== undefined) return `${what(line)} could not be ordered. Remove it and add it again.`;
  return undefined;
}

export function explainError(error: unknown, action: Action, context: ExplainContext = {}): ExplainedError {
  const { status, detail, message } = (error ?? {}) as ErrorLike;
  const original = detail ?? message ?? String(error);
  const wording =
    BY_ACTION[action]?.[original] ??
    FIXED[original] ??
    byTemplate(original, context) ??
    byStatus(status, action) ??
    'Something went wrong. Please try again.';
  return wording === original ? { message: wording } : { message: wording, detail: original };
}
