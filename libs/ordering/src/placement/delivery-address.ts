import { DELIVERY_ADDRESS_LIMITS as LIMITS, Messages, type DeliveryAddress } from '@shopwire/contracts';

export type DeliveryAddressValidation =
  { ok: true; address: DeliveryAddress | undefined } | { ok: false; message: string };

/**
 * Characters no field may hold: control characters (C0, DEL, C1), lone surrogates (the database
 * would refuse them with an error, not a 400), line and paragraph separators, and the bidi
 * overrides/isolates that can make an address read differently on the courier's screen.
 */
const FORBIDDEN = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** A street names something: a letter or digit of any script, not only dots or invisible marks. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Digits, spaces and the usual separators; a `+` only in front. */
const PHONE = /^\+?[0-9 ()./-]+$/;

/**
 * `POST /order`'s optional `deliveryAddress` (issue 20, additive to §4.2), checked after the
 * delivery location. Absent or null: no address. Otherwise, first failure wins:
 * not an object → `Invalid delivery address.`; `street` not a string or blank → `Field street is
 * missing.`; `street` too long, with a forbidden character or without any letter or digit →
 * `Invalid street.`; then `details`, `phone`, `note` in that order, each `Invalid <field>.` when
 * not a string (null/absent and blank mean none), too long, or with a forbidden character (phone:
 * only digits, spaces, `()./-`, a leading `+`, 3–20 digits). Every string is trimmed; a note's
 * CRLF becomes LF.
 */
export function parseDeliveryAddress(value: unknown): DeliveryAddressValidation {
  if (value === undefined || value === null) return { ok: true, address: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: Messages.invalidDeliveryAddress };
  const fields = value as Record<string, unknown>;

  const street = typeof fields.street === 'string' ? fields.street.trim() : '';
  if (street === '') return { ok: false, message: Messages.fieldMissing('street') };
  if (!fits(street, LIMITS.street) || !LETTER_OR_DIGIT.test(street)) {
    return { ok: false, message: Messages.invalidStreet };
  }

  const details = optionalText(fields.details, LIMITS.details);
  if (details === false) return { ok: false, message: Messages.invalidAddressDetails };
  const phone = optionalText(fields.phone, LIMITS.phone);
  if (phone === false || (phone !== null && !isPhoneNumber(phone)))
    return { ok: false, message: Messages.invalidPhone };
  const note = optionalText(
    typeof fields.note === 'string' ? fields.note.replaceAll('\r\n', '\n') : fields.note,
    LIMITS.note,
    true,
  );
  if (note === false) return { ok: false, message: Messages.invalidNote };

  return { ok: true, address: { street, details, phone, note } };
}

/** null when absent, null or blank; false when not a string or not acceptable; else the trimmed text. */
function optionalText(value: unknown, limit: number, lineBreaks = false): string | null | false {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '') return null;
  return fits(text, limit, lineBreaks) ? text : false;
}

/** Within the limit and free of forbidden characters (line feeds allowed where `lineBreaks`). */
function fits(text: string, limit: number, lineBreaks = false): boolean {
  return codePoints(text) <= limit && !FORBIDDEN.test(lineBreaks ? text.replaceAll('\n', '') : text);
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function isPhoneNumber(text: string): boolean {
  if (!PHONE.test(text)) return false;
  const digits = text.replace(/[^0-9]/g, '').length;
  return digits >= LIMITS.phoneDigitsMin && digits <= LIMITS.phoneDigitsMax;
}
