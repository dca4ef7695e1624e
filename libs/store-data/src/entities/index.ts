import { CategoryEntity } from './category.entity.js';
import { OrderEventEntity } from './order-event.entity.js';
import { OrderItemEntity } from './order-item.entity.js';
import { OrderEntity } from './order.entity.js';
import { ProductEntity } from './product.entity.js';

export { CategoryEntity, OrderEventEntity, OrderItemEntity, OrderEntity, ProductEntity };

/** Every store entity. Listed explicitly: no glob discovery. Append new ones here. */
export const storeEntities = [CategoryEntity, ProductEntity, OrderEntity, OrderItemEntity, OrderEventEntity];
