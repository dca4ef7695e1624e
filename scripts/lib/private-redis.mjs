// The scenario's own redis-server (one implementation with @shopwire/testing:
// libs/testing/src/plain/private-redis.mjs), logging into the run's work dir and killed when the
// scenario ends.
import { join } from 'node:path';
import { PrivateRedis as SharedPrivateRedis } from '../../libs/testing/src/plain/private-redis.mjs';
import { onCleanup } from './lifecycle.mjs';

export const PrivateRedis = {
  async start(workDir) {
    const redis = await SharedPrivateRedis.start({ logFile: join(workDir, 'redis.log') });
    onCleanup(() => redis.kill());
    return redis;
  },
};
