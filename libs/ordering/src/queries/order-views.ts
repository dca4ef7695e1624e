import type { GeoPoint, OrderStatus } from '@shopwire/contracts';

/** An item of `GET /status` (contract §4.3): exactly these keys. */
export interface OrderItemView {
  categories: string[];
  name: string;
  price: number;
  quantity: number;
}

/**
 * An order of `GET /status`: exactly these keys, no order id. `deliveryLocation` is additive
 * (issue 12): present only on orders placed with one.
 */
export interface CustomerOrderView {
  products: OrderItemView[];
  price: number;
  status: OrderStatus;
  timestamp: string;
  deliveryLocation?: GeoPoint;
}

/** An element of `GET /orders_to_deliver` (contract §5.1). */
export interface OrderToDeliverView {
  id: number;
  email: string;
}
