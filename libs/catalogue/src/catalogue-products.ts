import { createHash } from 'node:crypto';

/** A product as search shows it: every category it belongs to, each once. */
export interface CatalogueProduct {
  id: number;
  name: string;
  price: number;
  categories: string[];
}

/** A product as the owner sees it: on sale or not (ADR 0021). */
export interface OwnedProduct extends CatalogueProduct {
  onSale: boolean;
}

/** A product to insert: its exact name, price and distinct category names. */
export interface NewProduct {
  name: string;
  price: number;
  categories: readonly string[];
}

/** What the owner changes on an existing product (`POST /update_product`); absent = unchanged. */
export interface ProductChange {
  id: number;
  price?: number;
  onSale?: boolean;
}

export interface CatalogueVersion {
  /** The store epoch the version belongs to: ids restart when the store is reset. */
  epoch: string;
  version: number;
  /** Bumped by every change to an existing product: a reader holding another one reloads. */
  revision: number;
}

/** The value of the `name_hash` column (UNHEX(SHA2(name, 256)) over the UTF-8 bytes). */
export const nameHash = (name: string): Buffer => createHash('sha256').update(name, 'utf8').digest();
