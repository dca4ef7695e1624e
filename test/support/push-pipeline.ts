import { DEVELOPMENT_VAPID_KEYS } from '@shopwire/config';
import type { NewOrdersPush } from '@shopwire/contracts';
import { startLocalPushService, type LocalPushService } from './local-push-service.mjs';
import { StoreFixtures, type ProductSpec } from './store-fixtures.js';
import { startStoreStack, type StoreStack } from './store-stack.js';
import { spawnWorkerProcess, type WorkerProcess } from './worker-process.js';

/**
 * The Web Push pipeline under test: a local push service (VAPID verified, payloads decrypted)
 * bound to the development key, store apps that accept its endpoints, some products, and the
 * BUILT worker as its own process sending to it.
 */
export interface PushPipeline {
  push: LocalPushService;
  stack: StoreStack;
  products: number[];
  /** What the worker runs on (to start it again after a test stopped it). */
  workerEnv: Record<string, string>;
  /** The running worker; a test that stops it sets the one it starts instead. */
  worker: WorkerProcess | undefined;
  /** Per accepted push of a courier device, in order: the orders it covers (via the stream positions). */
  newOrderPushes(device: number): Promise<number[][]>;
  close(): Promise<void>;
}

export async function startPushPipeline(
  label: string,
  options: { products: ProductSpec[]; workerEnv?: Record<string, string> },
): Promise<PushPipeline> {
  const push = await startLocalPushService({ applicationServerKey: DEVELOPMENT_VAPID_KEYS.publicKey });
  const stack = await startStoreStack({ label, customer: 1, courier: 1, env: { PUSH_ENDPOINT_HOSTS: '127.0.0.1' } });
  const fixtures = StoreFixtures.open(stack.db.url);
  const products = await fixtures.importProducts(options.products);
  await fixtures.close();
  const workerEnv = { ...stack.env, NODE_EXTRA_CA_CERTS: push.caFile, ...options.workerEnv };
  const pipeline: PushPipeline = {
    push,
    stack,
    products,
    workerEnv,
    worker: await spawnWorkerProcess(workerEnv),
    async newOrderPushes(device) {
      const stream: Array<{ seq: number; order_id: number }> = await stack.dataSource.query(
        'SELECT seq, order_id FROM push_new_orders',
      );
      return push.accepted(device).map((message) => {
        const { from, to } = message.payload as NewOrdersPush;
        return stream.filter((row) => row.seq >= from && row.seq <= to).map((row) => Number(row.order_id));
      });
    },
    async close() {
      await pipeline.worker?.stop('SIGKILL');
      await stack.close();
      await push.close();
    },
  };
  return pipeline;
}
