import { Field } from '../shared/components';

/** The password of an existing account (sign-in, and signing in again in place). */
export function CurrentPasswordField(props: { value: string; onInput: (value: string) => void; idPrefix?: string }) {
  return <Field label="Password" name="password" type="password" autocomplete="current-password" required {...props} />;
}
