import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderStatus } from '@shopwire/contracts';
import { OrderItemEntity } from './order-item.entity.js';

@Entity('orders')
export class OrderEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ name: 'customer_email', type: 'varchar', length: 320 })
  customerEmail!: string;

  @Column({ type: 'enum', enum: ['CREATED', 'PENDING', 'COMPLETE'] })
  status!: OrderStatus;

  @Column({ type: 'double' })
  total!: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'courier_email', type: 'varchar', length: 320, nullable: true })
  courierEmail!: string | null;

  @Column({ name: 'delivery_lat', type: 'double', nullable: true })
  deliveryLat!: number | null;

  @Column({ name: 'delivery_lng', type: 'double', nullable: true })
  deliveryLng!: number | null;

  @OneToMany(() => OrderItemEntity, (item) => item.order)
  items!: OrderItemEntity[];
}
