import { Inject, Injectable } from '@nestjs/common';
import { loadProductsAfter, readCatalogueVersion } from '@shopwire/catalogue';
import { DataSource } from 'typeorm';
import { CatalogueSnapshot } from './catalogue-snapshot.js';
import { CoalescedTask } from './coalesced-task.js';
import { BodyCache } from '@shopwire/http';
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
export class SearchService {
  private readonly snapshot = new CatalogueSnapshot();
  private readonly responses = new BodyCache(MAX_CACHED_RESPONSES, MAX_CACHED_BYTES);
  private readonly catchUp = new CoalescedTask(() => this.loadNewProducts());

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The §4.1 response body, serialised to UTF-8 JSON. */
  async searchJson(criteria: SearchCriteria): Promise<Buffer> {
    await this.catchUp.run();
    const key = searchCacheKey(criteria);
    const cached = this.responses.get(key);
    if (cached !== undefined) return cached;
    const body = Buffer.from(this.snapshot.searchJson(criteria));
    this.responses.set(key, body);
    return body;
  }

  /** Products are only ever added: when the version moved, load just the new ids. */
  private async loadNewProducts(): Promise<void> {
    const version = await readCatalogueVersion(this.dataSource);
    if (version <= this.snapshot.version) return;
    this.snapshot.add(await loadProductsAfter(this.dataSource, this.snapshot.version), version);
    this.responses.clear();
  }
}
