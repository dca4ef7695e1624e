import type { GeoPoint } from '@shopwire/contracts';
import { useState } from 'preact/hooks';
import { DeliveryMap } from '../shared/DeliveryMap';

const coordinates = (point: GeoPoint) => `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`;

/**
 * Where the order should go: a click on the map, the arrow keys and Enter on the focused map, or
 * the browser's own location. Optional — an order without one is delivered as before, only
 * without a map and ETA.
 */
export function LocationPicker({
  value,
  onChange,
}: {
  value: GeoPoint | null;
  onChange: (point: GeoPoint | null) => void;
}) {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function useMyLocation() {
    if (!('geolocation' in navigator))
      return setProblem('This browser cannot tell your location. Tap the map instead.');
    setLocating(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onChange({ lat: position.coords.latitude, lng: position.coords.longitude });
      },
      (error) => {
        setLocating(false);
        setProblem(
          error.code === error.PERMISSION_DENIED
            ? 'Location access was not allowed. Tap the map to choose where to deliver.'
            : 'Your location could not be found. Tap the map to choose where to deliver.',
        );
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  }

  return (
    <fieldset class="location-picker">
      <legend>Delivery location</legend>
      <p class="muted" id="picker-help">
        Tap the map where we should deliver, or use your current location. With a keyboard: move the map with the arrow
        keys and press Enter to pin its centre.
      </p>
      <DeliveryMap
        label="Choose the delivery location (arrow keys move the map, Enter pins its centre)"
        destination={value}
        onPick={onChange}
        class="picker-map"
      />
      <div class="picker-actions">
        <button type="button" onClick={useMyLocation} disabled={locating} aria-busy={locating}>
          {locating ? 'Finding you…' : 'Use my location'}
        </button>
        {value && (
          <button type="button" class="link-button" onClick={() => onChange(null)}>
            Clear
          </button>
        )}
      </div>
      <p class="picker-value" data-delivery-location={value ? coordinates(value) : ''} role="status">
        {value ? (
          <>
            Pinned point on the map <span class="muted">({coordinates(value)})</span>
          </>
        ) : (
          'No point pinned (optional).'
        )}
      </p>
      {problem && (
        <p class="notice notice-info" role="status">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
