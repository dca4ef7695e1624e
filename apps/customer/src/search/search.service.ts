import { Inject, Injectable, Logger } from '@nestjs/common';
import { CatalogueRepository } from '@shopwire/catalogue';
import { sharedFreshRun } from '@shopwire/database';
import { CatalogueSnapshot } from './catalogue-snapshot.js';
import { BodyCache } from '@shopwire/http';
import { StoreEpochFollowers, type EpochFollower } from '@shopwire/store-data';
import { searchCacheKey, type SearchCriteria } from './search-criteria.js';

const MAX_CACHED_RESPONSES = 1000;
/** A few hundred whole-catalogue bodies at 1,000 products (≈ 90 KB each). */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;

/**
 * GET /search over an in-memory snapshot of the catalogue, with serialised answers cached.
 * Every request first confirms the snapshot is current (one point query, shared between the
 * requests arriving together), so a product committed by any owner replica before a search
 * began is in that search's answer.
 */
@Injectable()
export class SearchService implements EpochFollower {
  readonly name = 'catalogue';
  private readonly logger = new Logger(SearchService.name);
  private snapshot = new CatalogueSnapshot();
  private epoch?: string;
  private revision?: number;
  private readonly responses = new BodyCache(MAX_CACHED_RESPONSES, MAX_CACHED_BYTES);
  private readonly catchUp = sharedFreshRun(() => this.loadNewProducts());

  constructor(
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(StoreEpochFollowers) epochs: StoreEpochFollowers,
  ) {
    epochs.register(this);
  }

  servedEpoch(): string | undefined {
    return this.epoch;
  }

  refresh(): Promise<void> {
    return this.catchUp();
  }

  /** The §4.1 response body, serialised to UTF-8 JSON. */
  async searchJson(criteria: SearchCriteria): Promise<Buffer> {
    await this.catchUp();
    const key = searchCacheKey(criteria);
    const cached = this.responses.get(key);
    if (cached !== undefined) return cached;
    const body = Buffer.from(this.snapshot.searchJson(criteria));
    this.responses.set(key, body);
    return body;
  }

  /**
   * Imports only add products: when the version moved, load just the new ids. A new store epoch,
   * or a version below the one held (a restore), means another catalogue: start over. So does a
   * new catalogue revision — an owner changed a price or the sale state of a product already held
   * (ADR 0021); such changes are rare, and a whole reload is one query.
   */
  private async loadNewProducts(): Promise<void> {
    const { epoch, version, revision } = await this.catalogue.version();
    const otherStore = epoch !== this.epoch || version < this.snapshot.version;
    if (otherStore && this.epoch !== undefined) {
      this.logger.warn({ epoch, version }, 'store was reset: reloading the catalogue');
    }
    if (otherStore || revision !== this.revision) {
      this.snapshot = new CatalogueSnapshot();
      this.responses.clear();
    }
    this.revision = revision;
    if (version > this.snapshot.version) {
      this.snapshot.add(await this.catalogue.productsAfter(this.snapshot.version), version);
      this.responses.clear();
    }
    this.epoch = epoch;
  }
}
