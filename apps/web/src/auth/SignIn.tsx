import { useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { ErrorNotice, Field, StatusNotice } from '../shared/components';
import { CurrentPasswordField } from './CurrentPasswordField';
import { explainError, type ExplainedError } from '../shared/errors';
import { startSession } from '../shared/session';

export function SignIn({ notice }: { notice: string | null }) {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplainedError | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { accessToken } = await api.auth.login(email, password);
      startSession(accessToken);
    } catch (failure) {
      setError(explainError(failure, 'sign-in'));
      setBusy(false);
    }
  }

  return (
    <section class="card auth-card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {notice && !error && <StatusNotice>{notice}</StatusNotice>}
      <form onSubmit={submit} noValidate>
        <Field
          label="Email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={setEmail}
        />
        <CurrentPasswordField value={password} onInput={setPassword} />
        <ErrorNotice error={error} />
        <button type="submit" class="primary" disabled={busy}>
          Sign in
        </button>
      </form>
      <p class="switch">
        New to shopwire? <a href="#/register">Register</a>
      </p>
    </section>
  );
}
