/** One validated element of `POST /order`'s `requests` (contract §4.2): positive integers. */
export interface OrderRequest {
  productId: number;
  quantity: number;
}

/** One order item: a distinct product, the summed quantity, and the first request index naming it. */
export interface OrderLine {
  productId: number;
  quantity: number;
  firstIndex: number;
}

/** Repeated product ids become one line with their quantities summed (contract §4.2). */
export function mergeOrderRequests(requests: readonly OrderRequest[]): OrderLine[] {
  const lines = new Map<number, OrderLine>();
  requests.forEach((request, index) => {
    const line = lines.get(request.productId);
    if (line) line.quantity += request.quantity;
    else lines.set(request.productId, { productId: request.productId, quantity: request.quantity, firstIndex: index });
  });
  return [...lines.values()];
}
