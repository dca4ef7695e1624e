import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderStatus } from '@shopwire/contracts';

/** An order's committed state change; `id` is the global, increasing event id clients see. */
@Entity('order_events')
export class OrderEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: number;

  @Column({ name: 'order_id', unsigned: true })
  orderId!: number;

  @Column({ name: 'customer_email', type: 'varchar', length: 320 })
  customerEmail!: string;

  @Column({ type: 'enum', enum: ['CREATED', 'PENDING', 'COMPLETE'] })
  status!: OrderStatus;

  @Column({ name: 'courier_email', type: 'varchar', length: 320, nullable: true })
  courierEmail!: string | null;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt!: Date;
}
