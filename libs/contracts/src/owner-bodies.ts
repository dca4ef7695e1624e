import type { OrderStatus } from './order-status.js';

/** Response bodies of the owner service as the web app reads them (contract §3.2–3.3 and the queue dashboard). */

export interface ProductStatisticsEntry {
  name: string;
  /** Units in COMPLETE orders. */
  sold: number;
  /** Units in CREATED or PENDING orders. */
  waiting: number;
}

export interface ProductStatisticsResponse {
  statistics: ProductStatisticsEntry[];
}

/** Every category name, by units delivered (descending), ties by name. */
export interface CategoryStatisticsResponse {
  statistics: string[];
}

/** `POST /queues/ticket`: open `url` (relative to the owner service) within `expiresInSeconds`, once. */
export interface QueueDashboardTicketResponse {
  ticket: string;
  url: string;
  expiresInSeconds: number;
}

// --- Running the shop (issue 20 item 7, ADR 0021; additive endpoints of the owner service) ---

/** An element of `GET /products` and the answer of `POST /update_product`. */
export interface OwnerProduct {
  id: number;
  name: string;
  price: number;
  /** Every category of the product, each once. */
  categories: string[];
  /** False once taken off sale: hidden from `/search`, refused by `POST /order`. */
  onSale: boolean;
}

/** `GET /products`: every product, on sale or not, by id ascending. */
export interface OwnerProductsResponse {
  products: OwnerProduct[];
}

/** `POST /update_product` body: at least one of `price` and `onSale`. */
export interface UpdateProductBody {
  id: number;
  /** A JSON number > 0, like an imported price (contract §3.1 check 3b). */
  price?: number;
  onSale?: boolean;
}

/** One line of an order as the owner sees it: the unit price it was placed with. */
export interface OwnerOrderLine {
  /** The product's id. */
  id: number;
  name: string;
  price: number;
  quantity: number;
}

/** An element of `GET /orders` (owner service). */
export interface OwnerOrder {
  id: number;
  status: OrderStatus;
  /** ISO 8601 UTC with milliseconds; null until that step happened. */
  placedAt: string;
  pickedUpAt: string | null;
  deliveredAt: string | null;
  /** Σ unit price × quantity, exact (as `POST /order` stored it). */
  total: number;
  /** The ordering customer's email. */
  customer: string;
  /** The email of the courier who picked it up; null while CREATED. */
  courier: string | null;
  items: OwnerOrderLine[];
}

/** `GET /orders[?status=…][&before=<id>]`: newest first, at most `OWNER_ORDERS_LIMIT`. */
export interface OwnerOrdersResponse {
  orders: OwnerOrder[];
}

/** Most orders one `GET /orders` answers; page on with `?before=<the last id>`. */
export const OWNER_ORDERS_LIMIT = 200;

/** One element of `GET /revenue_statistics`: same products, same order as `/product_statistics`. */
export interface RevenueStatisticsEntry {
  id: number;
  name: string;
  /** Σ unit price × quantity over COMPLETE orders, at the price each order was placed with. */
  soldRevenue: number;
  /** The same over CREATED and PENDING orders. */
  waitingRevenue: number;
}

export interface RevenueStatisticsResponse {
  statistics: RevenueStatisticsEntry[];
}
