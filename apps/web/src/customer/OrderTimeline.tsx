import type { OrderDetails } from '@shopwire/contracts';
import { formatTime } from '../shared/format';

const STEPS = [
  { key: 'placedAt', label: 'Placed' },
  { key: 'pickedUpAt', label: 'Picked up' },
  { key: 'deliveredAt', label: 'Delivered' },
] as const;

/** placed → picked up → delivered, each with its time once it happened. */
export function OrderTimeline({ order }: { order: OrderDetails }) {
  return (
    <ol class="timeline" aria-label={`Progress of order #${order.id}`}>
      {STEPS.map(({ key, label }) => {
        const at = order[key];
        return (
          <li key={key} class={at ? 'done' : 'todo'}>
            <span class="step-label">{label}</span>{' '}
            {at ? <time dateTime={at}>{formatTime(at)}</time> : <span class="muted">not yet</span>}
          </li>
        );
      })}
    </ol>
  );
}
