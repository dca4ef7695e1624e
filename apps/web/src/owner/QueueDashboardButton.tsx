import type { QueueDashboardTicketResponse } from '@shopwire/contracts';
import { useState } from 'preact/hooks';
import { useServices } from '../shared/app-context';
import { ErrorNotice } from '../shared/components';
import { explainError, type ExplainedError } from '../shared/errors';

/**
 * Opens bull-board in a new tab. A navigation cannot carry the bearer token, so the page asks
 * for a one-time ticket and the tab redeems it for a short HttpOnly session (ADR 0008).
 */
export function QueueDashboardButton() {
  const { api, config } = useServices();
  const [error, setError] = useState<ExplainedError | null>(null);
  const open = async () => {
    setError(null);
    // Opened inside the click, before any await: a tab opened later counts as a pop-up.
    const tab = window.open('', '_blank');
    try {
      const { url } = await api.owner.post<QueueDashboardTicketResponse>('/queues/ticket', undefined);
      const target = `${config.ownerUrl}${url}`;
      if (tab) {
        tab.opener = null;
        tab.location.href = target;
      } else location.assign(target);
    } catch (failure) {
      tab?.close();
      setError(explainError(failure, 'load'));
    }
  };
  return (
    <div class="queue-link">
      <button type="button" onClick={open}>
        Queue dashboard
      </button>
      <p class="hint">The statistics worker's jobs (opens in a new tab, valid 15 minutes).</p>
      <ErrorNotice error={error} />
    </div>
  );
}
