import type { OrderStatus } from '@shopwire/contracts';
import type { SqlExecutor } from '@shopwire/database';
import { OrderEventsRepository } from './order-events.repository.js';

/** The order write paths' name for `OrderEventsRepository.append` (see there). */
export function appendOrderEvent(tx: SqlExecutor, orderId: number, status: OrderStatus): Promise<number> {
  return OrderEventsRepository.append(tx, orderId, status);
}
