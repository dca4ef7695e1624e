import type { GeoPoint } from './geo-point.js';
import type { OrderStatus } from './order-status.js';

/**
 * Bodies of the HTTP contract (shared/api/store-api.md) as a client reads them, plus the additive
 * extensions the web app uses. Servers build these shapes; the web app and tests consume them.
 */

/** 400 body of every validation/business error. */
export interface ContractMessageBody {
  message: string;
}
/** 401 body of the guard. */
export interface ContractUnauthorizedBody {
  msg: string;
}

export interface RegistrationBody {
  forename: string;
  surname: string;
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
}

export interface SearchProduct {
  categories: string[];
  id: number;
  name: string;
  price: number;
}
export interface SearchResponse {
  categories: string[];
  products: SearchProduct[];
}

/**
 * Extension (issue 20): where a courier delivers, as `POST /order` takes it (`deliveryAddress`,
 * besides or instead of `deliveryLocation`). `street` is required when the object is present.
 */
export interface DeliveryAddressInput {
  /** Street and number. */
  street: string;
  /** Floor, door, entrance. */
  details?: string;
  phone?: string;
  /** A note for the courier. */
  note?: string;
}

export interface OrderRequestLine {
  id: number;
  quantity: number;
}
export interface PlaceOrderResponse {
  id: number;
}

export interface OrdersToDeliverResponse {
  orders: { id: number; email: string }[];
}

/**
 * Extension (issue 20): where to deliver, as `POST /order`'s optional `deliveryAddress` stored it
 * (trimmed; an optional field left out or blank is null). Rules: `DELIVERY_ADDRESS_LIMITS`.
 */
export interface DeliveryAddress {
  /** Street and number. */
  street: string;
  /** Floor, door, entrance. */
  details: string | null;
  phone: string | null;
  /** Note for the courier; may hold line breaks (`\n`). */
  note: string | null;
}

/** Extension (README): one line of an order with the unit price it was ordered at. */
export interface OrderLineDetails {
  name: string;
  price: number;
  quantity: number;
}

/**
 * Extension (README): an order with its id, lines, total and the times of its life cycle, as
 * `GET /my_orders` (customer), `GET /board` and `GET /my_deliveries` (courier) return it.
 */
export interface OrderDetails {
  id: number;
  /** The ordering customer's email. */
  email: string;
  status: OrderStatus;
  total: number;
  items: OrderLineDetails[];
  /** ISO 8601 UTC with milliseconds; null until that step happened. */
  placedAt: string;
  pickedUpAt: string | null;
  deliveredAt: string | null;
  /**
   * Where it goes, when the customer gave a `deliveryLocation` (issue 12); else null. On
   * `GET /board` rounded to 0.01° (about 1 km) until a courier picks the order up (ADR 0020).
   */
  deliveryLocation: GeoPoint | null;
  /**
   * Where to deliver (issue 20). On `GET /board` always null — an address is shown to a courier
   * only once the order is theirs (docs/security.md); `hasDeliveryAddress` says whether one exists.
   */
  deliveryAddress: DeliveryAddress | null;
  hasDeliveryAddress: boolean;
}
export interface OrderDetailsResponse {
  orders: OrderDetails[];
}

/** `GET /config.json` of the realtime app: where the web app finds each HTTP service. */
export interface WebConfig {
  authUrl: string;
  ownerUrl: string;
  customerUrl: string;
  courierUrl: string;
  /**
   * Map tiles for the delivery maps (`{z}/{x}/{y}` template), or null: then the maps show their
   * markers on a plain background and nothing is loaded from any tile server.
   */
  mapTileUrl: string | null;
  /** Attribution the tile provider requires (HTML-free text); empty without tiles. */
  mapAttribution: string;
  /** VAPID public key for PushManager.subscribe(); null when push is disabled (docs/push.md). */
  vapidPublicKey: string | null;
}
