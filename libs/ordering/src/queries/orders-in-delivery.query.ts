import type { GeoPoint } from '@shopwire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface DestinationRow {
  id: number;
  delivery_lat: number | null;
  delivery_lng: number | null;
}

const toDestination = (row: DestinationRow | undefined): GeoPoint | null =>
  row && row.delivery_lat !== null && row.delivery_lng !== null
    ? { lat: row.delivery_lat, lng: row.delivery_lng }
    : null;

/** PENDING orders (picked up, on the way) and where they go: for live courier positions (ADR 0009). */
@Injectable()
export class OrdersInDeliveryQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A courier's PENDING orders with customer and destination; served by ix_orders_courier. */
  async ofCourier(
    courierEmail: string,
  ): Promise<Array<{ orderId: number; customerEmail: string; destination: GeoPoint | null }>> {
    const rows: Array<DestinationRow & { customer_email: string }> = await this.dataSource.query(
      `SELECT id, customer_email, delivery_lat, delivery_lng FROM orders WHERE courier_email = ? AND status = 'PENDING'`,
      [courierEmail],
    );
    return rows.map((row) => ({
      orderId: Number(row.id),
      customerEmail: row.customer_email,
      destination: toDestination(row),
    }));
  }

  /** Ids of a customer's PENDING orders. */
  async idsOfCustomer(customerEmail: string): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM orders WHERE customer_email = ? AND status = 'PENDING'`,
      [customerEmail],
    );
    return rows.map((row) => Number(row.id));
  }

  /** Where an order goes; null when it was placed without a delivery location (or is unknown). */
  async destinationOf(orderId: number): Promise<GeoPoint | null> {
    const [row] = await this.dataSource.query('SELECT id, delivery_lat, delivery_lng FROM orders WHERE id = ?', [
      orderId,
    ]);
    return toDestination(row);
  }
}
