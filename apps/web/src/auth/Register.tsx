import { useRef, useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { ErrorNotice, Field } from '../shared/components';
import { explainError } from '../shared/errors';
import { startSession } from '../shared/session';
import { useAction } from '../shared/use-action';
import { checkRegistration, fieldOfRegistrationMessage, type RegistrationErrors } from './registration-checks';

type Kind = 'customer' | 'courier';

/** The two name fields, side by side in one row. */
const NAME_FIELDS = [
  { label: 'First name', name: 'forename', autocomplete: 'given-name' },
  { label: 'Last name', name: 'surname', autocomplete: 'family-name' },
] as const;

/**
 * Registration as a customer or a courier, then straight in (the same credentials sign in).
 * Every field's problem shows at once, under the field (`aria-invalid`, `aria-describedby`);
 * the service's own answer goes under the field it is about.
 */
export function Register() {
  const api = useApi();
  const [kind, setKind] = useState<Kind>('customer');
  const [form, setForm] = useState({ forename: '', surname: '', email: '', password: '' });
  const [errors, setErrors] = useState<RegistrationErrors>({});
  const set = (key: keyof typeof form) => (value: string) => {
    const next = { ...form, [key]: value };
    setForm(next);
    // A field already marked wrong is checked again as it is typed, so its message stays true.
    setErrors((current) => {
      if (!(key in current)) return current;
      const { [key]: _, ...others } = current;
      const now = checkRegistration(next)[key];
      return now ? { ...others, [key]: now } : others;
    });
  };
  const step = useRef<'register' | 'sign-in'>('register');

  const register = useAction(
    'register',
    async () => {
      step.current = 'register';
      await api.auth.register(kind, form);
      step.current = 'sign-in';
      const { accessToken } = await api.auth.login(form.email, form.password);
      startSession(accessToken);
      location.hash = kind === 'customer' ? '/shop' : '/board';
    },
    (failure) => {
      const explained = explainError(failure, step.current);
      const field =
        step.current === 'register' ? fieldOfRegistrationMessage(explained.detail ?? explained.message) : undefined;
      if (field) {
        setErrors({ [field]: explained.message });
        requestAnimationFrame(() => document.getElementById(`field-${field}`)?.focus());
        return null; // shown under the field instead
      }
      return explained;
    },
  );

  function submit(event: Event) {
    event.preventDefault();
    const found = checkRegistration(form);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`field-${first}`)?.focus();
    void register.run();
  }

  return (
    <section class="card auth-card" aria-labelledby="register-title">
      <h1 id="register-title">Create your account</h1>
      <form onSubmit={submit} noValidate>
        <fieldset class="choice">
          <legend>I want to</legend>
          {(
            [
              ['customer', 'Shop and order'],
              ['courier', 'Deliver orders'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} class="choice-option">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <div class="field-row">
          {NAME_FIELDS.map((field) => (
            <Field
              key={field.name}
              {...field}
              required
              error={errors[field.name]}
              value={form[field.name]}
              onInput={set(field.name)}
            />
          ))}
        </div>
        <Field
          label="Email"
          name="email"
          type="email"
          autocomplete="email"
          required
          error={errors.email}
          value={form.email}
          onInput={set('email')}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autocomplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters."
          error={errors.password}
          value={form.password}
          onInput={set('password')}
        />
        <ErrorNotice error={register.error} />
        <button type="submit" class="primary" disabled={register.busy}>
          Register
        </button>
      </form>
      <p class="switch">
        Already have an account? <a href="#/sign-in">Sign in</a>
      </p>
    </section>
  );
}
