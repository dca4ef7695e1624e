/** A throwaway redis-server on a free loopback port (see private-redis.mjs). */
export class PrivateRedis {
  static start(options?: { logFile?: string }): Promise<PrivateRedis>;
  readonly port: number;
  readonly url: string;
  restart(): Promise<void>;
  kill(): Promise<void>;
}
