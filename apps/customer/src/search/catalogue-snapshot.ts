import type { CatalogueProduct } from '@shopwire/catalogue';
import { foldCase } from './case-folding.js';
import type { SearchCriteria } from './search-criteria.js';

interface IndexedProduct {
  name: string;
  /** `foldCase(name)`, computed once for `match=insensitive`. */
  foldedName: string;
  categories: string[];
  /** The product's JSON object, rendered once: a change to a product reloads the whole snapshot (ADR 0021). */
  json: string;
}

/**
 * This process's copy of the catalogue and the search over it. Matching is plain
 * `String.prototype.includes` — case-sensitive, and `%`, `_`, `*` and `\` are just characters;
 * with `match: 'insensitive'` the same over names folded once when added (criteria come folded).
 */
export class CatalogueSnapshot {
  private readonly products: IndexedProduct[] = [];
  private readonly foldedCategories = new Map<string, string>();
  private highestId = 0;

  /** The highest product id held: every product up to it is here (see @shopwire/catalogue). */
  get version(): number {
    return this.highestId;
  }

  get size(): number {
    return this.products.length;
  }

  /**
   * Adds products loaded after `version` by a load that began once the catalogue had reached
   * `loadedThrough`; ones already held are skipped. The version then covers `loadedThrough` even
   * if its highest ids were not loadable (a product without categories can never match).
   */
  add(products: readonly CatalogueProduct[], loadedThrough = 0): void {
    for (const product of products) {
      if (product.id <= this.highestId) continue;
      const { id, name, price } = product;
      const categories = [...new Set(product.categories)];
      for (const category of categories) {
        if (!this.foldedCategories.has(category)) this.foldedCategories.set(category, foldCase(category));
      }
      const json = JSON.stringify({ categories, id, name, price });
      this.products.push({ name, foldedName: foldCase(name), categories, json });
      this.highestId = id;
    }
    this.highestId = Math.max(this.highestId, loadedThrough);
  }

  /**
   * The exact §4.1 response body: products whose name contains N and that have a category
   * containing C (each once, with all their categories), and the categories containing C that
   * hold such a product.
   */
  searchJson({ name, category, match }: SearchCriteria): string {
    const folded = match === 'insensitive';
    const categoryMatches = new Map<string, boolean>();
    const matchedCategories = new Set<string>();
    const matchedProducts: string[] = [];
    for (const product of this.products) {
      if (!(folded ? product.foldedName : product.name).includes(name)) continue;
      let listed = false;
      for (const productCategory of product.categories) {
        let matches = categoryMatches.get(productCategory);
        if (matches === undefined) {
          matches = (folded ? this.foldedCategories.get(productCategory)! : productCategory).includes(category);
          categoryMatches.set(productCategory, matches);
        }
        if (matches) {
          matchedCategories.add(productCategory);
          listed = true;
        }
      }
      if (listed) matchedProducts.push(product.json);
    }
    return `{"categories":${JSON.stringify([...matchedCategories])},"products":[${matchedProducts.join(',')}]}`;
  }
}
