// One of bench/realtime-load.mjs's client processes (CLIENT_PROCS > 0): connects the customers in
// BENCH_SOCKETS when told to, and forwards each receipt's key and time to the bench, batched.
import { connectCustomers } from './realtime-sockets.mjs';

const { urls, indices, concurrency } = JSON.parse(process.env.BENCH_SOCKETS);
let batch = [];
const forward = () => {
  if (batch.length > 0) process.send({ type: 'events', events: batch });
  batch = [];
};
// Receipts are timed where they happen; the batching only delays the bookkeeping.
setInterval(forward, 50).unref();

process.on('message', (message) => {
  if (message.type === 'connect') {
    const onEvent = (...event) => batch.push(event);
    const onDrop = (reason) => process.send({ type: 'dropped', reason });
    connectCustomers({ urls, indices, concurrency, onEvent, onDrop }).then(
      ({ retries }) => process.send({ type: 'connected', retries }),
      (error) => process.send({ type: 'connected', error: `socket process ${process.pid}: ${error.message}` }),
    );
  } else if (message.type === 'flush') {
    forward();
    process.send({ type: 'flushed' });
  }
});
// The bench's exit (or kill) ends this process: its sockets go with it.
process.on('disconnect', () => process.exit(0));
process.send({ type: 'loaded' });
