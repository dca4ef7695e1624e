import { platformConfigSchema, port, positiveInt, pushConfigShape, resolveVapidConfig, z } from '@shopwire/config';
import { storeConfigShape } from '@shopwire/store-data';

export const realtimeConfigSchema = platformConfigSchema({
  REALTIME_PORT: port(5004),
  ...storeConfigShape,
  /** Fallback poll of order_events: what keeps pushes flowing while Redis is down. */
  REALTIME_POLL_INTERVAL_MS: positiveInt(250),
  /** How long an id may stay missing below a committed one before it is checked for a rollback. */
  REALTIME_GAP_GRACE_MS: positiveInt(2500),
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
  /** Speed (m/s) for the ETA while a courier's speed is unknown or it stands still. */
  REALTIME_ETA_DEFAULT_SPEED_MPS: z.coerce.number().positive().default(5),
  /** Base URLs the web page calls, served to it as /config.json. */
  AUTH_PUBLIC_URL: z.string().url().default('http://localhost:5000'),
  OWNER_PUBLIC_URL: z.string().url().default('http://localhost:5001'),
  CUSTOMER_PUBLIC_URL: z.string().url().default('http://localhost:5002'),
  COURIER_PUBLIC_URL: z.string().url().default('http://localhost:5003'),
  /** The built web app (apps/web); default: its `npm run build` output, dist/apps/web. */
  WEB_DIR: z.string().min(1).optional(),
  /**
   * Tile URL template for the web app's delivery maps, e.g. https://tile.example.org/{z}/{x}/{y}.png.
   * Empty (default): no tiles, markers on a plain background, nothing fetched from the internet.
   */
  WEB_MAP_TILE_URL: z.string().default(''),
  WEB_MAP_ATTRIBUTION: z.string().default(''),
  /** Web Push: the page subscribes with the public key only; the private key stays with the worker. */
  PUSH_ENABLED: pushConfigShape.PUSH_ENABLED,
  VAPID_PUBLIC_KEY: pushConfigShape.VAPID_PUBLIC_KEY,
}).transform((cfg, ctx) => resolveVapidConfig(cfg, ctx, ['VAPID_PUBLIC_KEY']));

export type RealtimeConfig = z.output<typeof realtimeConfigSchema>;

/** Nest injection token for the loaded config. */
export const REALTIME_CONFIG = Symbol('REALTIME_CONFIG');
