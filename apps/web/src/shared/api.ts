import type {
  CategoryStatisticsResponse,
  DeliveryAddressInput,
  GeoPoint,
  LoginResponse,
  OrderDetailsResponse,
  OrderRequestLine,
  OrderStatus,
  OwnerOrdersResponse,
  OwnerProduct,
  OwnerProductsResponse,
  PlaceOrderResponse,
  ProductStatisticsResponse,
  QueueDashboardTicketResponse,
  RegistrationBody,
  RevenueStatisticsResponse,
  SearchResponse,
  UpdateProductBody,
  WebConfig,
} from '@shopwire/contracts';
import { currentToken, sessionRefused } from './session';

/** A failed call: the HTTP status (0 = the service was not reached) and the service's own message. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    /** The contract's message (`message` or `msg`), or what the browser reported. */
    readonly detail: string,
    readonly path: string,
  ) {
    super(detail);
  }
}

interface CallOptions {
  method?: 'GET' | 'POST';
  /** JSON body, or FormData for uploads. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the session's token (default true). */
  auth?: boolean;
}

async function call<T>(baseUrl: string, path: string, options: CallOptions = {}): Promise<T> {
  const { method = 'GET', body, auth = true } = options;
  const headers: Record<string, string> = { ...options.headers };
  const token = auth ? currentToken() : null;
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  } catch (error) {
    throw new ApiError(0, (error as Error).message, path);
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    // The guard's 401 on a signed-in call: the token is no longer accepted. The page stays, and
    // the renewal prompt asks for the password.
    if (response.status === 401 && token) sessionRefused(token);
    const error = (data ?? {}) as { message?: string; msg?: string };
    throw new ApiError(response.status, error.message ?? error.msg ?? `HTTP ${response.status}`, path);
  }
  return data as T;
}

const pushUrl = (config: WebConfig, role: 'customer' | 'courier') =>
  role === 'customer' ? config.customerUrl : config.courierUrl;

/** The typed client of every HTTP service the web app calls. */
export function createApi(config: WebConfig) {
  return {
    auth: {
      login: (email: string, password: string) =>
        call<LoginResponse>(config.authUrl, '/login', { method: 'POST', body: { email, password }, auth: false }),
      register: (role: 'customer' | 'courier', body: RegistrationBody) =>
        call<null>(config.authUrl, `/register_${role}`, { method: 'POST', body, auth: false }),
    },
    customer: {
      /** A shop's search box: case-insensitive (`match=insensitive`, additive to the contract). */
      search: (name: string, category: string) =>
        call<SearchResponse>(
          config.customerUrl,
          `/search?${new URLSearchParams({ name, category, match: 'insensitive' }).toString()}`,
        ),
      placeOrder: (
        requests: OrderRequestLine[],
        idempotencyKey: string,
        destination: { deliveryLocation?: GeoPoint | null; deliveryAddress?: DeliveryAddressInput } = {},
      ) =>
        call<PlaceOrderResponse>(config.customerUrl, '/order', {
          method: 'POST',
          body: {
            requests,
            ...(destination.deliveryLocation ? { deliveryLocation: destination.deliveryLocation } : {}),
            ...(destination.deliveryAddress ? { deliveryAddress: destination.deliveryAddress } : {}),
          },
          headers: { 'idempotency-key': idempotencyKey },
        }),
      myOrders: () => call<OrderDetailsResponse>(config.customerUrl, '/my_orders'),
      confirmDelivery: (id: number) => call<null>(config.customerUrl, '/delivered', { method: 'POST', body: { id } }),
    },
    courier: {
      board: () => call<OrderDetailsResponse>(config.courierUrl, '/board'),
      myDeliveries: () => call<OrderDetailsResponse>(config.courierUrl, '/my_deliveries'),
      pickUp: (id: number) => call<null>(config.courierUrl, '/pick_up_order', { method: 'POST', body: { id } }),
    },
    /** Web Push subscriptions (docs/push.md), on the customer or courier service by role. */
    push: {
      subscribe: (role: 'customer' | 'courier', subscription: PushSubscriptionJSON, notify: boolean) =>
        call<{ id: number; endpoint: string; notify: boolean }>(pushUrl(config, role), '/push_subscribe', {
          method: 'POST',
          body: { ...subscription, notify },
        }),
      unsubscribe: (role: 'customer' | 'courier', endpoint: string) =>
        call<null>(pushUrl(config, role), '/push_unsubscribe', { method: 'POST', body: { endpoint } }),
    },
    /** The owner service: one typed call per endpoint (contract §3 and docs/api.md "The owner runs the shop"). */
    owner: {
      /** `POST /update`: a CSV file, imported completely or not at all. */
      importCatalogue: (file: File) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return call<null>(config.ownerUrl, '/update', { method: 'POST', body: form });
      },
      productStatistics: () => call<ProductStatisticsResponse>(config.ownerUrl, '/product_statistics'),
      categoryStatistics: () => call<CategoryStatisticsResponse>(config.ownerUrl, '/category_statistics'),
      revenueStatistics: () => call<RevenueStatisticsResponse>(config.ownerUrl, '/revenue_statistics'),
      /** Newest first, one page (`OWNER_ORDERS_LIMIT`); `before`: the last id of the previous page. */
      orders: (filter: { status?: OrderStatus; before?: number } = {}) => {
        const query = new URLSearchParams();
        if (filter.status) query.set('status', filter.status);
        if (filter.before !== undefined) query.set('before', String(filter.before));
        const search = query.toString();
        return call<OwnerOrdersResponse>(config.ownerUrl, `/orders${search ? `?${search}` : ''}`);
      },
      products: () => call<OwnerProductsResponse>(config.ownerUrl, '/products'),
      updateProduct: (body: UpdateProductBody) =>
        call<OwnerProduct>(config.ownerUrl, '/update_product', { method: 'POST', body }),
      queueTicket: () => call<QueueDashboardTicketResponse>(config.ownerUrl, '/queues/ticket', { method: 'POST' }),
    },
  };
}

export type Api = ReturnType<typeof createApi>;
