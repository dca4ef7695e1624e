import {
  booleanFlag,
  platformConfigSchema,
  port,
  positiveInt,
  pushConfigShape,
  resolveVapidConfig,
  z,
} from '@shopwire/config';
import { storeConfigShape } from '@shopwire/store-data';

/** OpenStreetMap's standard tile layer (https://operations.osmfoundation.org/policies/tiles/). */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

export const realtimeConfigSchema = platformConfigSchema({
  REALTIME_PORT: port(5004),
  ...storeConfigShape,
  /** Fallback poll of order_events: what keeps pushes flowing while Redis is down. */
  REALTIME_POLL_INTERVAL_MS: positiveInt(250),
  /** How long an id may stay missing below a committed one before it is checked for a rollback. */
  REALTIME_GAP_GRACE_MS: positiveInt(2500),
  /**
   * The relay (ADR 0027): one replica, the lease holder, reads order_events and passes the events
   * to the others through a Redis stream. Off: every replica tails the table itself (ADR 0003).
   */
  REALTIME_RELAY: booleanFlag(true),
  /** The relay leader's lease: a dead leader is replaced within about this long. */
  REALTIME_RELAY_LEASE_MS: z.coerce.number().int().min(300).default(3000),
  /** Entries the relay stream keeps (approximately); a follower further behind reads the table. */
  REALTIME_RELAY_STREAM_LENGTH: positiveInt(5000),
  /** Rows read per tail query. */
  REALTIME_TAIL_BATCH: positiveInt(1000),
  /** A reconnecting client further behind than this gets `resync` instead of a replay. */
  REALTIME_REPLAY_LIMIT: positiveInt(5000),
  /** Owners get at most one `statistics.changed` and one `orders.changed` per this many milliseconds (per replica). */
  REALTIME_STATISTICS_INTERVAL_MS: positiveInt(1000),
  /** Courier positions (issue 12): at most one accepted report per courier per this many ms. */
  REALTIME_LOCATION_MIN_INTERVAL_MS: positiveInt(1000),
  /** Lifetime of a courier's last position in Redis (refreshed by each report; deleted at COMPLETE). */
  REALTIME_LOCATION_TTL_SECONDS: positiveInt(60),
  /** A report whose `at` is older than this is refused. */
  REALTIME_LOCATION_MAX_AGE_MS: positiveInt(30_000),
  /**
   * The fastest (m/s) a courier plausibly goes: the ETA's speed never exceeds it, and a jump
   * implying twice it is a GPS error (ADR 0020). 20 m/s = 72 km/h, a vehicle in a city.
   */
  REALTIME_ETA_MAX_SPEED_MPS: z.coerce.number().min(2).max(100).default(20),
  /** Base URLs the web page calls, served to it as /config.json. */
  AUTH_PUBLIC_URL: z.string().url().default('http://localhost:5000'),
  OWNER_PUBLIC_URL: z.string().url().default('http://localhost:5001'),
  CUSTOMER_PUBLIC_URL: z.string().url().default('http://localhost:5002'),
  COURIER_PUBLIC_URL: z.string().url().default('http://localhost:5003'),
  /** The built web app (apps/web); default: its `npm run build` output, dist/apps/web. */
  WEB_DIR: z.string().min(1).optional(),
  /**
   * Tile URL template for the web app's delivery maps: OpenStreetMap's public tiles by default
   * (their usage policy: README), or a self-hosted tile server. Empty or `off`: no tiles, the
   * markers on a plain grid that says no map is available, nothing fetched from the internet.
   */
  WEB_MAP_TILE_URL: z
    .string()
    .default(OSM_TILE_URL)
    .transform((url) => (url.trim() === '' || url.trim().toLowerCase() === 'off' ? '' : url.trim())),
  /** The attribution the tile source requires (OpenStreetMap's data licence asks for this one). */
  WEB_MAP_ATTRIBUTION: z.string().default(OSM_ATTRIBUTION),
  /** Web Push: the page subscribes with the public key only; the private key stays with the worker. */
  PUSH_ENABLED: pushConfigShape.PUSH_ENABLED,
  VAPID_PUBLIC_KEY: pushConfigShape.VAPID_PUBLIC_KEY,
}).transform((cfg, ctx) => resolveVapidConfig(cfg, ctx, ['VAPID_PUBLIC_KEY']));

export type RealtimeConfig = z.output<typeof realtimeConfigSchema>;

/** Nest injection token for the loaded config. */
export const REALTIME_CONFIG = Symbol('REALTIME_CONFIG');
