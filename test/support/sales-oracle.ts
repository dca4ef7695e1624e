import { compareCodePoints } from '@shopwire/statistics';

type Status = 'CREATED' | 'PENDING' | 'COMPLETE';

interface ModelItem {
  productId: number;
  quantity: number;
  /** The unit price the order was placed with (revenue); prices with at most 3 decimals. */
  unitPrice?: number;
}

interface ModelOrder {
  id: number;
  customer: string;
  status: Status;
  items: ModelItem[];
}

/**
 * Brute-force model of the statistics for tests: records products and orders as the test
 * performs them and recomputes contract §3.2–3.3 from scratch, independent of the real code.
 */
export class SalesOracle {
  readonly products = new Map<number, { name: string; categories: string[] }>();
  readonly orders = new Map<number, ModelOrder>();
  private readonly categories = new Set<string>();

  addProduct(id: number, name: string, categories: string[]): void {
    this.products.set(id, { name, categories: [...new Set(categories)] });
    for (const category of categories) this.categories.add(category);
  }

  addOrder(id: number, customer: string, items: ModelItem[]): void {
    const merged = new Map<number, ModelItem>();
    for (const item of items) {
      const line = merged.get(item.productId);
      merged.set(item.productId, { ...item, quantity: (line?.quantity ?? 0) + item.quantity });
    }
    this.orders.set(id, { id, customer, status: 'CREATED', items: [...merged.values()] });
  }

  setStatus(orderId: number, status: Status): void {
    (this.orders.get(orderId) as ModelOrder).status = status;
  }

  ordersIn(status: Status): ModelOrder[] {
    return [...this.orders.values()].filter((order) => order.status === status);
  }

  productStatistics(): Array<{ name: string; sold: number; waiting: number }> {
    const figures = new Map<number, { sold: number; waiting: number }>();
    for (const order of this.orders.values()) {
      for (const { productId, quantity } of order.items) {
        const entry = figures.get(productId) ?? { sold: 0, waiting: 0 };
        if (order.status === 'COMPLETE') entry.sold += quantity;
        else entry.waiting += quantity;
        figures.set(productId, entry);
      }
    }
    return [...figures]
      .map(([id, f]) => ({ name: this.products.get(id)!.name, ...f }))
      .sort((a, b) => compareCodePoints(a.name, b.name));
  }

  categoryStatistics(): string[] {
    const delivered = new Map([...this.categories].map((c) => [c, 0]));
    for (const order of this.ordersIn('COMPLETE')) {
      for (const { productId, quantity } of order.items) {
        for (const category of this.products.get(productId)!.categories) {
          delivered.set(category, delivered.get(category)! + quantity);
        }
      }
    }
    return [...delivered].sort(([a, x], [b, y]) => y - x || compareCodePoints(a, b)).map(([name]) => name);
  }

  /**
   * Revenue per product, recounted in integer thousandths of the unit prices the orders were
   * placed with (so only for prices with at most 3 decimals), for the products and in the order
   * of `productStatistics`.
   */
  revenueStatistics(): Array<{ id: number; name: string; soldRevenue: number; waitingRevenue: number }> {
    const figures = new Map<number, { sold: bigint; waiting: bigint }>();
    for (const order of this.orders.values()) {
      for (const { productId, quantity, unitPrice } of order.items) {
        const entry = figures.get(productId) ?? { sold: 0n, waiting: 0n };
        const thousandths = BigInt(Math.round(unitPrice! * 1000)) * BigInt(quantity);
        if (order.status === 'COMPLETE') entry.sold += thousandths;
        else entry.waiting += thousandths;
        figures.set(productId, entry);
      }
    }
    // An integer below 2^53 divided by 1000 is the double nearest to the decimal.
    return [...figures]
      .map(([id, f]) => ({
        id,
        name: this.products.get(id)!.name,
        soldRevenue: Number(f.sold) / 1000,
        waitingRevenue: Number(f.waiting) / 1000,
      }))
      .sort((a, b) => compareCodePoints(a.name, b.name));
  }
}
