/** Prices read from one store epoch (ADR 0011), by product id. */
export interface EpochPrices {
  epoch: string;
  prices: ReadonlyMap<number, number>;
}

/** More products than any catalogue this process serves in memory (ADR 0006): start over instead of growing. */
const MAX_KNOWN = 1_000_000;

/**
 * Product prices this process has already read (ADR 0014). Within one price version — store epoch
 * and catalogue revision (ADR 0021) — a known price stays true: a reset or restore of the store, or
 * an owner changing a price or the sale state, gives another version, and the order write checks
 * the version it was read at (`OrdersRepository.insert`) — no round trip is spent to trust it. `epoch` below
 * is that version.
 * Unknown ids are never remembered as missing: an import may add them at any time.
 */
export class KnownPrices {
  private epoch: string | undefined;
  private readonly prices = new Map<number, number>();

  /** The prices of every id, if all are known; undefined on any miss (read the database). */
  lookup(productIds: readonly number[]): EpochPrices | undefined {
    if (this.epoch === undefined) return undefined;
    const found = new Map<number, number>();
    for (const id of productIds) {
      const price = this.prices.get(id);
      if (price === undefined) return undefined;
      found.set(id, price);
    }
    return { epoch: this.epoch, prices: found };
  }

  /** Adds prices read from the database; prices of another epoch replace everything known. */
  remember({ epoch, prices }: EpochPrices): void {
    if (epoch !== this.epoch || this.prices.size + prices.size > MAX_KNOWN) this.forget();
    this.epoch = epoch;
    for (const [id, price] of prices) this.prices.set(id, price);
  }

  forget(): void {
    this.epoch = undefined;
    this.prices.clear();
  }
}
