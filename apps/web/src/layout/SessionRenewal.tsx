import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { CurrentPasswordField } from '../auth/CurrentPasswordField';
import { ErrorNotice } from '../shared/components';
import { formatTime } from '../shared/format';
import {
  endSession,
  renewalStore,
  renewSession,
  SESSION_EXPIRED,
  SIGNED_OUT,
  snoozeRenewal,
  type Session,
} from '../shared/session';
import { useStore } from '../shared/store';
import { useAction } from '../shared/use-action';

/**
 * Signs the same person in again without leaving the page: a modal dialog before the token
 * expires (with "Later") and once it has (or a service refused it). The page underneath — the
 * cart, a half-filled form, the courier's location sharing — stays exactly as it is.
 */
export function SessionRenewal({ session }: { session: Session }) {
  const api = useApi();
  const due = useStore(renewalStore);
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const renew = useAction('sign-in', async () => {
    const { accessToken } = await api.auth.login(session.claims.sub, password);
    renewSession(accessToken);
    setPassword('');
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (due !== 'none' && !element.open) element.showModal();
    if (due === 'none' && element.open) element.close();
  }, [due]);

  const expired = due === 'expired';
  return (
    <dialog
      ref={dialog}
      class="renewal"
      aria-labelledby="renewal-title"
      data-renewal={due}
      // Escape: "Later" before expiry; after it there is nothing to go back to.
      onCancel={(event) => (expired ? event.preventDefault() : snoozeRenewal())}
    >
      <h2 id="renewal-title">{expired ? SESSION_EXPIRED : 'Your session ends soon'}</h2>
      <p>
        {expired
          ? 'Enter your password to carry on where you were: nothing on this page is lost.'
          : `For your security a session lasts an hour; this one ends at ${formatTime(new Date(session.claims.exp * 1000).toISOString())}. Enter your password to carry on without interruption.`}
      </p>
      <form
        method="dialog"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void renew.run();
        }}
      >
        <p>
          <span class="muted">Signed in as</span> <strong>{session.claims.sub}</strong>
        </p>
        <input type="email" autocomplete="username" value={session.claims.sub} readOnly hidden />
        <CurrentPasswordField idPrefix="renewal" value={password} onInput={setPassword} />
        <ErrorNotice error={renew.error} />
        <div class="renewal-actions">
          <button type="submit" class="primary" disabled={renew.busy || password === ''}>
            Sign in again
          </button>
          {expired ? (
            <button type="button" class="link-button" onClick={() => endSession(SIGNED_OUT)}>
              Sign out
            </button>
          ) : (
            <button type="button" onClick={snoozeRenewal}>
              Later
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
