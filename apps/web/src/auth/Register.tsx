import { useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { ErrorNotice, Field } from '../shared/components';
import { explainError, type ExplainedError } from '../shared/errors';
import { startSession } from '../shared/session';

type Kind = 'customer' | 'courier';

/** The two name fields, side by side in one row. */
const NAME_FIELDS = [
  { label: 'First name', name: 'forename', autocomplete: 'given-name' },
  { label: 'Last name', name: 'surname', autocomplete: 'family-name' },
] as const;

/** Registration as a customer or a courier, then straight in (the same credentials sign in). */
export function Register() {
  const api = useApi();
  const [kind, setKind] = useState<Kind>('customer');
  const [form, setForm] = useState({ forename: '', surname: '', email: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplainedError | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    let step: 'register' | 'sign-in' = 'register';
    try {
      await api.auth.register(kind, form);
      step = 'sign-in';
      const { accessToken } = await api.auth.login(form.email, form.password);
      startSession(accessToken);
      location.hash = kind === 'customer' ? '/shop' : '/board';
    } catch (failure) {
      setError(explainError(failure, step));
      setBusy(false);
    }
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
            <Field key={field.name} {...field} required value={form[field.name]} onInput={set(field.name)} />
          ))}
        </div>
        <Field
          label="Email"
          name="email"
          type="email"
          autocomplete="email"
          required
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
          value={form.password}
          onInput={set('password')}
        />
        <ErrorNotice error={error} />
        <button type="submit" class="primary" disabled={busy}>
          Register
        </button>
      </form>
      <p class="switch">
        Already have an account? <a href="#/sign-in">Sign in</a>
      </p>
    </section>
  );
}
