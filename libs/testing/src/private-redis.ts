// One implementation for tests and scripts/lib: plain/private-redis.mjs (typed by its .d.mts).
export { PrivateRedis } from './plain/private-redis.mjs';
