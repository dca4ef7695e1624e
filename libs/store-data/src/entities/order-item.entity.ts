import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrderEntity } from './order.entity.js';

@Entity('order_items')
export class OrderItemEntity {
  @PrimaryColumn({ name: 'order_id', unsigned: true })
  orderId!: number;

  @PrimaryColumn({ name: 'product_id', unsigned: true })
  productId!: number;

  @Column({ type: 'bigint', unsigned: true })
  quantity!: number;

  @Column({ name: 'unit_price', type: 'double' })
  unitPrice!: number;

  @ManyToOne(() => OrderEntity, (order) => order.items)
  @JoinColumn({ name: 'order_id' })
  order!: OrderEntity;
}
