import { Messages, type DeliveryAddressInput } from '@shopwire/contracts';

/** The address fields as typed (issue 20); all optional until one of them is filled. */
export interface AddressForm {
  street: string;
  details: string;
  phone: string;
  note: string;
}

export type AddressField = keyof AddressForm;
export type AddressErrors = Partial<Record<AddressField, string>>;

export const EMPTY_ADDRESS: AddressForm = { street: '', details: '', phone: '', note: '' };

/** Field labels exactly as the issue names them. */
export const ADDRESS_LABELS: Record<AddressField, string> = {
  street: 'Street and number',
  details: 'Details',
  phone: 'Phone',
  note: 'Note for the courier',
};

/** The customer service's phone rule: digits, spaces, `()./-`, a leading `+`, 3–20 digits. */
const PHONE = /^\+?[0-9 ()./-]+$/;

/**
 * What is wrong with the address before it is sent (the customer service has the last word, and
 * its message is shown under the field it names). The street is required once any address field
 * is filled; with no address at all the order may still go with a map point, or with neither.
 */
export function checkAddress(form: AddressForm): AddressErrors {
  const errors: AddressErrors = {};
  const filled = (Object.keys(form) as AddressField[]).some((key) => form[key].trim() !== '');
  if (filled && form.street.trim() === '') {
    errors.street = 'Please enter the street and number (or clear the other address fields).';
  }
  const phone = form.phone.trim();
  const digits = phone.replace(/\D/g, '').length;
  if (phone !== '' && (!PHONE.test(phone) || digits < 3 || digits > 20)) {
    errors.phone = 'Please enter a phone number in digits, like +381 64 123 4567.';
  }
  return errors;
}

/** The `deliveryAddress` of `POST /order`, or undefined when no address was given. */
export function addressBody(form: AddressForm): DeliveryAddressInput | undefined {
  const street = form.street.trim();
  if (street === '') return undefined;
  const body: DeliveryAddressInput = { street };
  for (const key of ['details', 'phone', 'note'] as const) {
    const value = form[key].trim();
    if (value !== '') body[key] = value;
  }
  return body;
}

const ADDRESS_MESSAGES: Record<string, AddressField> = {
  [Messages.invalidStreet]: 'street',
  [Messages.fieldMissing('street')]: 'street',
  [Messages.invalidAddressDetails]: 'details',
  [Messages.invalidPhone]: 'phone',
  [Messages.invalidNote]: 'note',
};

/**
 * The address field a service message is about ("Invalid phone.", "Field street is missing.",
 * the customer service's `deliveryAddress` answers): that is where the message is shown.
 */
export function fieldOfMessage(message: string): AddressField | undefined {
  return ADDRESS_MESSAGES[message];
}
