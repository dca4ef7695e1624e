import type { OrderDetails } from '@shopwire/contracts';
import { destinationSummary, mapsPlatform, navigationUrl } from './navigation';

interface DeliveryDestinationProps {
  order: Pick<OrderDetails, 'id' | 'deliveryAddress' | 'deliveryLocation'>;
  /** Couriers: a "Navigate" link that opens the device's maps app. */
  navigate?: boolean;
}

/**
 * Where an order goes, in words: the address with its details, phone and note, or "Pinned point
 * on the map" when the customer gave only a point (coordinates are never all a person reads).
 */
export function DeliveryDestination({ order, navigate = false }: DeliveryDestinationProps) {
  const destination = { address: order.deliveryAddress, point: order.deliveryLocation };
  if (!destination.address && !destination.point) return null;
  const address = destination.address;
  const url = navigate ? navigationUrl(destination, mapsPlatform(navigator.userAgent)) : null;
  const external = url?.startsWith('https:');
  return (
    <div class="destination" data-destination-order={order.id}>
      <p class="destination-title">Deliver to</p>
      <address class="destination-address">
        <span class="destination-street">{address ? address.street : destinationSummary(destination)}</span>
        {address?.details && <span>{address.details}</span>}
        {address?.phone && (
          <span>
            <span class="muted">Phone</span> <a href={`tel:${address.phone.replace(/[^\d+]/g, '')}`}>{address.phone}</a>
          </span>
        )}
      </address>
      {address?.note && (
        <p class="destination-note">
          <span class="muted">Note for the courier</span> {address.note}
        </p>
      )}
      {address && destination.point && <p class="muted">Also pinned on the map.</p>}
      {url && (
        <a
          class="button-link navigate"
          href={url}
          {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          aria-label={`Navigate to order #${order.id}: ${destinationSummary(destination)}`}
        >
          Navigate
        </a>
      )}
    </div>
  );
}
