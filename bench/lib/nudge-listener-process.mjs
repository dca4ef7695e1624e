// bench/lib/push-stages.mjs's listener, in a process of its own: the bench's process is busy
// sending the changes, and a nudge timed there late made "nudge heard → receipt" negative.
import { Redis } from 'ioredis';
import { ORDER_EVENTS_CHANNEL } from '../../dist/libs/contracts/src/index.js';
import { epochNow } from './realtime-sockets.mjs';

const heard = []; // [event id, time heard]
const redis = new Redis(process.env.NUDGE_REDIS_URL, { lazyConnect: true });
await redis.connect();
redis.on('message', (_channel, message) => heard.push([Number(message), epochNow()]));
await redis.subscribe(ORDER_EVENTS_CHANNEL);
process.on('message', () => process.send({ heard }));
process.on('disconnect', () => process.exit(0));
process.send({ subscribed: true });
