import { Inject, Injectable } from '@nestjs/common';
import {
  StatisticsSnapshotQuery,
  revenueDelta,
  salesDelta,
  sumRevenue,
  type ProductSalesRow,
  type RevenueDelta,
} from '@shopwire/statistics';
import { revenueStatistics } from './revenue-statistics.js';

interface RevenueCache {
  version: string;
  sales: Map<number, ProductSalesRow>;
  revenue: RevenueDelta;
  body: Buffer;
}

/**
 * `GET /revenue_statistics` exactly as fresh as `/product_statistics` (ADR 0004, ADR 0021): the
 * applied aggregates (`product_sales` for the products, `product_price_sales` for the money) plus
 * the events the worker has not applied yet, read in one snapshot; the applied part and its body
 * are cached per aggregate version, so while the worker keeps up a request is one probe.
 */
@Injectable()
export class RevenueStatisticsService {
  private cache?: RevenueCache;

  constructor(@Inject(StatisticsSnapshotQuery) private readonly snapshot: StatisticsSnapshotQuery) {}

  async revenueStatisticsJson(): Promise<Buffer> {
    const probe = await this.snapshot.probe();
    if (!probe.hasPending && this.cache?.version === probe.version) return this.cache.body;
    const { cache, items, names } = await this.snapshot.read(async (tx) => {
      const version = await this.snapshot.version(tx);
      const items = await this.snapshot.pendingItems(tx);
      const cached = this.cache?.version === version ? this.cache : undefined;
      const cache =
        cached ??
        this.revenueCache(version, await this.snapshot.productSales(tx), await this.snapshot.productPriceSales(tx));
      const unnamed = [...new Set(items.map((item) => item.productId))].filter((id) => !cache.sales.has(id));
      return { cache, items, names: await this.snapshot.productNames(tx, unnamed) };
    });
    this.cache = cache;
    if (items.length === 0) return cache.body;
    const revenue = sumRevenue(cache.revenue, revenueDelta(items));
    return Buffer.from(
      JSON.stringify({ statistics: revenueStatistics(cache.sales, salesDelta(items), names, revenue) }),
    );
  }

  private revenueCache(version: string, sales: Map<number, ProductSalesRow>, revenue: RevenueDelta): RevenueCache {
    const statistics = revenueStatistics(sales, salesDelta([]), new Map(), revenue);
    return { version, sales, revenue, body: Buffer.from(JSON.stringify({ statistics })) };
  }
}
