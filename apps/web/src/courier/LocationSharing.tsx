import type { CourierLocationReport } from '@shopwire/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendLocation } from '../shared/live';

type SharingState = 'starting' | 'sharing' | 'waiting' | 'denied' | 'unsupported' | 'failing';

/**
 * The watch reports changes only: while the device does not move, the last fix is re-sent this
 * often (stamped now), so the customers' map and ETA stay fresh and Redis's copy does not expire.
 */
const HEARTBEAT_MS = 3000;
/** The server accepts one report per second per courier. */
const MIN_GAP_MS = 1000;

/**
 * Shares the courier's position (Geolocation API) while it has orders on the way: at most one
 * report a second, backing off as the server's ack says. A visible indicator says whether the
 * customers currently see the courier, and "Pause" stops the device's location use entirely.
 */
export function LocationSharing({ onTheWay }: { onTheWay: number }) {
  const [paused, setPaused] = useState(false);
  const [state, setState] = useState<SharingState>('starting');
  const [lastShared, setLastShared] = useState<number | null>(null);
  const active = onTheWay > 0 && !paused;
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    if (!active) return;
    if (!('geolocation' in navigator)) return setState('unsupported');
    setState('starting');
    let latest: CourierLocationReport | null = null;
    let lastFix: CourierLocationReport | null = null;
    let sentAt = 0;
    let blockedUntil = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const flush = async () => {
      timer = undefined;
      if (stopped || !latest) return;
      const wait = Math.max(sentAt + MIN_GAP_MS, blockedUntil) - Date.now();
      if (wait > 0) return void (timer = setTimeout(flush, wait));
      const report = latest;
      latest = null;
      sentAt = Date.now();
      const ack = await sendLocation(report);
      if (stopped) return;
      if (ack.ok) {
        setState('sharing');
        setLastShared(Date.now());
      } else if (ack.error === 'rate_limited') {
        blockedUntil = Date.now() + ack.retryInMs;
      } else if (ack.error === 'no_active_orders') {
        setState('waiting');
      } else if (ack.error !== 'invalid') {
        setState('failing'); // disconnected or the server cannot relay now: the next fix retries
      }
      if (latest && !timer) flush();
    };
    const accept = (position: GeolocationPosition) => {
      const { latitude, longitude, accuracy, heading, speed } = position.coords;
      lastFix = latest = {
        lat: latitude,
        lng: longitude,
        accuracy,
        ...(heading !== null && Number.isFinite(heading) ? { heading } : {}),
        ...(speed !== null && Number.isFinite(speed) ? { speed } : {}),
        at: Math.min(position.timestamp, Date.now()),
      };
      if (!timer) void flush();
    };
    const refuse = (error: GeolocationPositionError) => {
      // A transient error (Chromium reports POSITION_UNAVAILABLE now and then) keeps the last fix.
      if (error.code === error.PERMISSION_DENIED) {
        lastFix = null;
        setState('denied');
      } else if (stateRef.current !== 'sharing') setState('failing');
    };
    const options: PositionOptions = { enableHighAccuracy: true, maximumAge: 1000 };
    const watch = navigator.geolocation.watchPosition(accept, refuse, options);
    const heartbeat = setInterval(() => {
      if (latest || !lastFix) return;
      latest = { ...lastFix, at: Date.now() };
      if (!timer) void flush();
    }, HEARTBEAT_MS);
    return () => {
      stopped = true;
      navigator.geolocation.clearWatch(watch);
      clearInterval(heartbeat);
      clearTimeout(timer);
    };
  }, [active]);

  if (onTheWay === 0) return null;
  const customers = onTheWay === 1 ? 'your customer' : `your ${onTheWay} customers`;
  const message = paused
    ? `Paused — ${customers} cannot see where you are.`
    : {
        starting: 'Starting location sharing…',
        sharing: `Sharing your location with ${customers}.`,
        waiting: 'Not sharing: the store has no order of yours on the way right now.',
        denied: 'Location access is blocked. Allow it in the browser to show customers where you are.',
        unsupported: 'This browser cannot share your location.',
        failing: 'Your location could not be shared just now; retrying.',
      }[state];
  const live = !paused && state === 'sharing';
  return (
    <div class={`sharing ${live ? 'sharing-on' : 'sharing-off'}`} data-sharing={paused ? 'paused' : state}>
      <span class="sharing-dot" aria-hidden="true" />
      <p role="status" aria-live="polite">
        {message}
        {live && lastShared && (
          <span class="visually-hidden"> Last shared {new Date(lastShared).toLocaleTimeString()}.</span>
        )}
      </p>
      <button type="button" onClick={() => setPaused(!paused)} aria-pressed={paused}>
        {paused ? 'Resume sharing' : 'Pause sharing'}
      </button>
    </div>
  );
}
