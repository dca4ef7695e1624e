import type { GeoPoint } from '@shopwire/contracts';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useServices } from './app-context';

/** Where a map with nothing to show yet looks (zoomed out over the city the store serves). */
export const DEFAULT_CENTER: GeoPoint = { lat: 44.8125, lng: 20.4612 };

interface DeliveryMapProps {
  /** Accessible name of the map region. */
  label: string;
  destination?: GeoPoint | null;
  courier?: GeoPoint | null;
  /** Called with the clicked point (the map is then a picker). */
  onPick?: (point: GeoPoint) => void;
  class?: string;
}

/** Six decimals: about 10 cm, more than any courier needs. */
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

// Circle markers are drawn as SVG: no marker images to load, so the map works fully offline.
const DESTINATION_STYLE: L.CircleMarkerOptions = {
  radius: 9,
  color: '#14532d',
  weight: 3,
  fillColor: '#ffffff',
  fillOpacity: 1,
};
const COURIER_STYLE: L.CircleMarkerOptions = {
  radius: 9,
  color: '#ffffff',
  weight: 3,
  fillColor: '#b45309',
  fillOpacity: 1,
};

/**
 * A Leaflet map with the delivery destination and the courier. Tiles come from the configured
 * `mapTileUrl` (OpenStreetMap by default); without one, or when they cannot be loaded (offline),
 * the markers sit on a plain grid and the map says so. As a picker it works without a pointer:
 * the arrow keys move the map, Enter or Space sets the point at its centre (marked while the
 * map has focus). Markers carry `data-marker` attributes for tests and styling.
 */
export function DeliveryMap({ label, destination, courier, onPick, class: className }: DeliveryMapProps) {
  const { config } = useServices();
  const mapId = useId();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<{ destination?: L.CircleMarker; courier?: L.CircleMarker }>({});
  const pick = useRef(onPick);
  pick.current = onPick;
  const framed = useRef(false);
  const [tilesFailed, setTilesFailed] = useState(false);

  useEffect(() => {
    const created = L.map(element.current!, { attributionControl: Boolean(config.mapTileUrl), zoomSnap: 0.5 });
    created.setView([DEFAULT_CENTER.lat, DEFAULT_CENTER.lng], 12);
    if (config.mapTileUrl) {
      L.tileLayer(config.mapTileUrl, { attribution: config.mapAttribution, maxZoom: 19 })
        .on('tileerror', () => setTilesFailed(true))
        .on('tileload', () => setTilesFailed(false))
        .addTo(created);
    }
    created.on('click', (event: L.LeafletMouseEvent) =>
      pick.current?.({ lat: event.latlng.lat, lng: event.latlng.lng }),
    );
    // Leaflet pans with the arrow keys and zooms with +/-; Enter/Space picks the centre.
    created.on('keydown', (event: L.LeafletKeyboardEvent) => {
      const key = event.originalEvent.key;
      if (!pick.current || (key !== 'Enter' && key !== ' ')) return;
      event.originalEvent.preventDefault();
      const centre = created.getCenter();
      pick.current({ lat: round(centre.lat), lng: round(centre.lng) });
    });
    map.current = created;
    return () => {
      // A pan still running when the map goes away would touch the removed panes on its next
      // frame (Leaflet's `_leaflet_pos` error).
      created.stop();
      created.remove();
      map.current = null;
      markers.current = {};
    };
  }, [config.mapTileUrl, config.mapAttribution]);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    place(current, 'destination', destination, DESTINATION_STYLE, 'Delivery location');
    place(current, 'courier', courier, COURIER_STYLE, 'Courier');
    const points = [destination, courier].filter((point): point is GeoPoint => Boolean(point));
    // Frame both once; afterwards the person may pan and zoom as they like.
    if (points.length === 2 && !framed.current) {
      current.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), {
        padding: [40, 40],
        maxZoom: 16,
        animate: false,
      });
      framed.current = true;
    } else if (points.length === 1 && !framed.current) {
      current.setView([points[0]!.lat, points[0]!.lng], Math.max(current.getZoom(), 14), { animate: false });
    }
  }, [destination?.lat, destination?.lng, courier?.lat, courier?.lng]);

  function place(
    on: L.Map,
    kind: 'destination' | 'courier',
    point: GeoPoint | null | undefined,
    style: L.CircleMarkerOptions,
    title: string,
  ) {
    let marker = markers.current[kind];
    if (!point) {
      marker?.remove();
      delete markers.current[kind];
      return;
    }
    if (marker) marker.setLatLng([point.lat, point.lng]);
    else {
      marker = L.circleMarker([point.lat, point.lng], { ...style, className: `map-marker map-marker-${kind}` })
        .bindTooltip(title)
        .addTo(on);
      markers.current[kind] = marker;
    }
    // Where the marker stands, readable without a map library (tests, assistive tooling).
    const svg = marker.getElement();
    svg?.setAttribute('data-marker', kind);
    svg?.setAttribute('data-lat', String(point.lat));
    svg?.setAttribute('data-lng', String(point.lng));
  }

  const noMap = !config.mapTileUrl || tilesFailed;
  return (
    <figure class="map-figure">
      <div class="map-frame">
        <div
          ref={element}
          class={`delivery-map ${onPick ? 'picking' : ''} ${className ?? ''}`}
          role="region"
          aria-label={label}
          aria-describedby={noMap ? `${mapId}-blank` : undefined}
        />
        {noMap && (
          <p class="map-blank" id={`${mapId}-blank`}>
            {config.mapTileUrl
              ? 'The map could not be loaded (are you offline?): points are shown on a plain grid.'
              : 'No map is available here: points are shown on a plain grid.'}
          </p>
        )}
      </div>
      {(destination || courier) && (
        <figcaption class="map-legend">
          {destination && (
            <span>
              <span class="legend-dot legend-destination" aria-hidden="true" /> Delivery location
            </span>
          )}
          {courier && (
            <span>
              <span class="legend-dot legend-courier" aria-hidden="true" /> Courier
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
