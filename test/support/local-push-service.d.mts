export interface LocalSubscription {
  id: number;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}
export interface ReceivedPush {
  subscription: number;
  label: string;
  status: number | 'hang';
  receivedAt: number;
  topic?: string;
  urgency?: string;
  ttl: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the decrypted JSON the worker sent, read by shape in tests
  payload?: any;
  summary?: { type: string; from?: number; to?: number };
}
export interface LocalPushService {
  origin: string;
  caFile: string;
  messages: ReceivedPush[];
  errors: Array<{ subscription: number; message: string }>;
  readonly requests: number;
  /** Bound to `options.applicationServerKey` (default: the service's); another key's pushes get 403. */
  subscribe(label?: string, options?: { applicationServerKey?: string }): LocalSubscription;
  respond(id: number, ...statuses: Array<number | 'hang'>): void;
  accepted(id: number): ReceivedPush[];
  close(): Promise<void>;
}
export function startLocalPushService(options?: {
  applicationServerKey?: string;
  keepDecrypted?: boolean;
}): Promise<LocalPushService>;
export function decryptAes128gcm(body: Buffer, uaPrivate: Buffer, uaPublic: Buffer, authSecret: Buffer): Buffer;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the VAPID JWT's decoded claims
export function verifyVapid(header: string | undefined, audience: string, key?: string, now?: number): any;
