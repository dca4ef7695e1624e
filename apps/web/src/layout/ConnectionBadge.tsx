import { connectionStore, type ConnectionState } from '../shared/live';
import { useStore } from '../shared/store';

const LABELS: Record<ConnectionState, string> = {
  off: 'Not connected',
  connecting: 'Connecting…',
  'catching-up': 'Catching up…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Whether what the user sees is live; announced politely when it changes. */
export function ConnectionBadge() {
  const state = useStore(connectionStore);
  return (
    <span class={`badge connection connection-${state}`} role="status" data-state={state}>
      <span class="dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
