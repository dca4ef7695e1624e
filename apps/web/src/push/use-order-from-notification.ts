import { useEffect } from 'preact/hooks';

/**
 * A notification click opens `/?order=<id>#/<page>`: once that order's card is on the page,
 * scroll to it and mark it, then drop the query. Also follows the service worker's
 * `open-order` message when it could not navigate an already open window itself.
 */
export function useOrderFromNotification(): void {
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.data?.type === 'open-order') location.assign(event.data.url);
    };
    navigator.serviceWorker?.addEventListener('message', onMessage);
    const orderId = new URLSearchParams(location.search).get('order');
    let timer: ReturnType<typeof setInterval> | undefined;
    if (orderId && /^\d+$/.test(orderId)) {
      const deadline = Date.now() + 10_000;
      timer = setInterval(() => {
        const card = document.querySelector<HTMLElement>(`[data-order-id="${orderId}"]`);
        if (!card && Date.now() < deadline) return;
        clearInterval(timer);
        if (card) {
          card.classList.add('order-focus');
          card.scrollIntoView({ block: 'center' });
        }
        history.replaceState(null, '', `${location.pathname}${location.hash}`);
      }, 100);
    }
    return () => {
      clearInterval(timer);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, []);
}
