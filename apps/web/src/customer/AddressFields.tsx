import { Field } from '../shared/components';
import { ADDRESS_LABELS, type AddressErrors, type AddressField, type AddressForm } from './address-form';

const FIELDS: { name: AddressField; autocomplete: string; type?: 'tel'; maxLength: number; hint?: string }[] = [
  { name: 'street', autocomplete: 'address-line1', maxLength: 200 },
  { name: 'details', autocomplete: 'address-line2', maxLength: 200, hint: 'Floor, door, entrance.' },
  { name: 'phone', autocomplete: 'tel', type: 'tel', maxLength: 32, hint: 'So the courier can call you at the door.' },
  { name: 'note', autocomplete: 'off', maxLength: 500 },
];

/** "Street and number", "Details", "Phone", "Note for the courier": each with its own error. */
export function AddressFields({
  value,
  errors,
  onChange,
}: {
  value: AddressForm;
  errors: AddressErrors;
  onChange: (next: AddressForm) => void;
}) {
  return (
    <fieldset class="address-fields">
      <legend>Delivery address</legend>
      <p class="muted">Optional with a point on the map; the street is needed once you fill any of these.</p>
      {FIELDS.map((field) => (
        <Field
          key={field.name}
          idPrefix="address"
          label={ADDRESS_LABELS[field.name]}
          name={field.name}
          type={field.type}
          autocomplete={field.autocomplete}
          maxLength={field.maxLength}
          hint={field.hint}
          error={errors[field.name]}
          value={value[field.name]}
          onInput={(text) => onChange({ ...value, [field.name]: text })}
        />
      ))}
    </fieldset>
  );
}
