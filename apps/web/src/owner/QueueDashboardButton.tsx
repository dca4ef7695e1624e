import { useServices } from '../shared/app-context';
import { ErrorNotice } from '../shared/components';
import { useAction } from '../shared/use-action';

/**
 * Opens bull-board in a new tab. A navigation cannot carry the bearer token, so the page asks
 * for a one-time ticket and the tab redeems it for a short HttpOnly session (ADR 0008).
 */
export function QueueDashboardButton() {
  const { api, config } = useServices();
  const opening = useAction('load', async (tab: Window | null) => {
    try {
      const { url } = await api.owner.queueTicket();
      const target = `${config.ownerUrl}${url}`;
      if (tab) {
        tab.opener = null;
        tab.location.href = target;
      } else location.assign(target);
    } catch (failure) {
      tab?.close();
      throw failure;
    }
  });
  // The tab is opened inside the click, before any await: a tab opened later counts as a pop-up.
  const open = () => void opening.run(window.open('', '_blank'));
  return (
    <div class="queue-link">
      <button type="button" onClick={open} disabled={opening.busy}>
        Queue dashboard
      </button>
      <p class="hint">The statistics worker's jobs (opens in a new tab, valid 15 minutes).</p>
      <ErrorNotice error={opening.error} />
    </div>
  );
}
