import type { CourierLocationPayload, OrderDetails } from '@shopwire/contracts';
import { useState } from 'preact/hooks';
import { DeliveryMap } from '../shared/DeliveryMap';
import { useCourierLocation } from '../shared/live';
import { useNow } from '../shared/use-now';

/** "about 3 min", "under a minute", "arriving now". */
export function formatEta(seconds: number): string {
  if (seconds <= 15) return 'arriving now';
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `about ${minutes} min` : `about ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The map of an order on its way: destination, the courier moving as positions arrive, and the
 * ETA counting down between them (from when the last position was received). An ETA the service
 * cannot estimate (`etaSeconds: null`) reads "Arrival time unknown", never "arriving now".
 */
export function LiveTracking({ order }: { order: OrderDetails }) {
  const [last, setLast] = useState<{ position: CourierLocationPayload; receivedAt: number } | null>(null);
  const now = useNow(1000);
  useCourierLocation((position) => {
    if (position.orderId === order.id) setLast({ position, receivedAt: Date.now() });
  });

  const eta =
    last && last.position.etaSeconds !== null
      ? Math.max(0, last.position.etaSeconds - Math.floor((now - last.receivedAt) / 1000))
      : null;
  const age = last ? Math.max(0, Math.round((now - last.position.at) / 1000)) : null;
  return (
    <div class="tracking" data-tracking-order={order.id}>
      <DeliveryMap
        label={`Map of order #${order.id}: your delivery location and the courier`}
        destination={order.deliveryLocation}
        courier={last ? { lat: last.position.lat, lng: last.position.lng } : null}
      />
      <p class="tracking-status">
        {!last && 'Waiting for the courier’s position…'}
        {last && eta !== null && (
          <>
            <strong class="eta" data-eta-seconds={eta}>
              {formatEta(eta)}
            </strong>{' '}
            <span class="muted">· courier seen {age! < 5 ? 'just now' : `${age} s ago`}</span>
          </>
        )}
        {last && eta === null && (
          <>
            <strong class="eta" data-eta-seconds="unknown">
              Arrival time unknown
            </strong>{' '}
            <span class="muted">· courier seen {age! < 5 ? 'just now' : `${age} s ago`}</span>
          </>
        )}
      </p>
    </div>
  );
}
