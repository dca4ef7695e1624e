import { Inject, Injectable, Logger } from '@nestjs/common';
import type { UnappliedEventItem } from '@shopwire/ordering';
import {
  StatisticsSnapshotQuery,
  salesDelta,
  type CategorySalesRow,
  type ProductSalesRow,
  type SalesDelta,
} from '@shopwire/statistics';
import { categoryStatistics } from './category-statistics.js';
import { productStatistics } from './product-statistics.js';

/** Pending event items above which the worker is clearly not keeping up. */
const BACKLOG_WARNING_ITEMS = 10_000;
const BACKLOG_WARNING_INTERVAL_MS = 60_000;
const NO_DELTA: SalesDelta = { products: new Map(), categories: new Map() };

interface ProductCache {
  version: string;
  applied: Map<number, ProductSalesRow>;
  body: Buffer;
}

interface CategoryCache {
  version: string;
  categoryCount: number;
  rows: CategorySalesRow[];
  body: Buffer;
}

/**
 * Answers the statistics endpoints from the aggregates plus the delta of events the worker has
 * not applied yet, read in one snapshot: exact and never stale, and independent of the worker
 * being up. The applied part is cached per aggregate version; while the worker keeps up (no
 * pending event) a request costs one indexed probe and returns the cached body.
 */
@Injectable()
export class StatisticsService {
  private readonly logger = new Logger(StatisticsService.name);
  private products?: ProductCache;
  private categories?: CategoryCache;
  private lastBacklogWarning = 0;

  constructor(@Inject(StatisticsSnapshotQuery) private readonly snapshot: StatisticsSnapshotQuery) {}

  /** `GET /product_statistics` body, serialised to UTF-8 JSON (a hit is sent without re-encoding). */
  async productStatisticsJson(): Promise<Buffer> {
    const probe = await this.snapshot.probe();
    if (!probe.hasPending && this.products?.version === probe.version) return this.products.body;
    const { cache, pending, names } = await this.snapshot.read(async (tx) => {
      const version = await this.snapshot.version(tx);
      const items = await this.snapshot.pendingItems(tx);
      const cached = this.products?.version === version ? this.products : undefined;
      const applied = cached?.applied ?? (await this.snapshot.productSales(tx));
      const delta = salesDelta(items);
      const unnamed = [...delta.products.keys()].filter((id) => !applied.has(id));
      return {
        cache: cached ?? this.productCache(version, applied),
        pending: { items, delta },
        names: await this.snapshot.productNames(tx, unnamed),
      };
    });
    this.products = cache;
    this.warnOnBacklog(pending.items);
    if (pending.items.length === 0) return cache.body;
    return Buffer.from(JSON.stringify({ statistics: productStatistics(cache.applied, pending.delta, names) }));
  }

  /** `GET /category_statistics` body, serialised. */
  async categoryStatisticsJson(): Promise<Buffer> {
    const probe = await this.snapshot.probe();
    const cached = this.categories;
    if (!probe.hasPending && cached?.version === probe.version && cached.categoryCount === probe.categoryCount) {
      return cached.body;
    }
    const { cache, items } = await this.snapshot.read(async (tx) => {
      const [version, categoryCount] = [await this.snapshot.version(tx), await this.snapshot.categoryCount(tx)];
      const current = this.categories;
      const cached = current?.version === version && current.categoryCount === categoryCount ? current : undefined;
      return {
        cache: cached ?? this.categoryCache(version, categoryCount, await this.snapshot.categorySales(tx)),
        items: await this.snapshot.pendingItems(tx),
      };
    });
    this.categories = cache;
    this.warnOnBacklog(items);
    if (items.length === 0) return cache.body;
    return Buffer.from(JSON.stringify({ statistics: categoryStatistics(cache.rows, salesDelta(items)) }));
  }

  private productCache(version: string, applied: Map<number, ProductSalesRow>): ProductCache {
    return {
      version,
      applied,
      body: Buffer.from(JSON.stringify({ statistics: productStatistics(applied, NO_DELTA, new Map()) })),
    };
  }

  private categoryCache(version: string, categoryCount: number, rows: CategorySalesRow[]): CategoryCache {
    return {
      version,
      categoryCount,
      rows,
      body: Buffer.from(JSON.stringify({ statistics: categoryStatistics(rows, NO_DELTA) })),
    };
  }

  private warnOnBacklog(items: UnappliedEventItem[]): void {
    const now = Date.now();
    if (items.length < BACKLOG_WARNING_ITEMS || now - this.lastBacklogWarning < BACKLOG_WARNING_INTERVAL_MS) return;
    this.lastBacklogWarning = now;
    const events = new Set(items.map((item) => item.eventId)).size;
    this.logger.warn({ events }, 'statistics worker is behind: order events not applied yet (answers stay exact)');
  }
}
