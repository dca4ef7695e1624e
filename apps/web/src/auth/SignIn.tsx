import { useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { ErrorNotice, Field, StatusNotice } from '../shared/components';
import { CurrentPasswordField } from './CurrentPasswordField';
import { useAction } from '../shared/use-action';
import { startSession } from '../shared/session';

export function SignIn({ notice }: { notice: string | null }) {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction('sign-in', async () => startSession((await api.auth.login(email, password)).accessToken));
  const { busy, error } = signIn;

  function submit(event: Event) {
    event.preventDefault();
    void signIn.run();
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
