import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../shared/app-context';
import { useAction } from '../shared/use-action';
import { currentPushState, disablePush, enablePush, refreshPush, type PushRole, type PushState } from './web-push';

const LABELS: Record<PushState, string> = {
  on: 'Notifications on',
  off: 'Notifications off',
  denied: 'Notifications blocked',
  unsupported: 'Notifications unavailable',
};

const HINTS: Record<PushState, string> = {
  on: 'This device is notified even when the app is closed. Click to turn off.',
  off: 'Click to be notified on this device even when the app is closed.',
  denied: 'Notifications are blocked for this site in the browser settings.',
  unsupported: 'This browser (or a non-HTTPS address) cannot receive push notifications.',
};

/** "Enable notifications" for this device, with its state: on / off / blocked / unavailable. */
export function NotificationsToggle({ role }: { role: PushRole }) {
  const { api, config } = useServices();
  const [state, setState] = useState<PushState | null>(null);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const toggling = useAction(
    'notifications',
    async (from: PushState) =>
      setState(from === 'on' ? await disablePush(api, role) : await enablePush(api, role, config.vapidPublicKey!)),
    (failure) => ({ message: `Could not change notifications: ${(failure as Error).message}` }),
  );
  const error = toggling.error?.message ?? refreshError;

  // On each open: re-subscribes after a VAPID key rotation and re-registers this device (docs/push.md).
  useEffect(() => {
    const key = config.vapidPublicKey;
    currentPushState(key).then(
      (found) => {
        setState(found);
        if (key === null) return;
        refreshPush(api, role, key, found).catch((failure: Error) =>
          setRefreshError(`Could not refresh notifications: ${failure.message}`),
        );
      },
      () => setState('unsupported'),
    );
  }, [api, role, config.vapidPublicKey]);

  if (state === null) return null;
  const actionable = state === 'on' || state === 'off';
  const toggle = () => {
    setRefreshError(null);
    void toggling.run(state);
  };
  return (
    <span class="push-toggle" data-push-state={state}>
      <button
        type="button"
        class="link-button"
        aria-pressed={actionable ? state === 'on' : undefined}
        disabled={!actionable || toggling.busy}
        title={HINTS[state]}
        onClick={toggle}
      >
        {LABELS[state]}
      </button>
      <span class="visually-hidden">{HINTS[state]}</span>
      {error && (
        <span role="alert" class="push-error">
          {error}
        </span>
      )}
    </span>
  );
}
