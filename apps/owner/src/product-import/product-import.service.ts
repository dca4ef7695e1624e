import { Inject, Injectable } from '@nestjs/common';
import { CatalogueRepository } from '@shopwire/catalogue';
import { Messages, BadRequestError, ContractError } from '@shopwire/contracts';
import { isDuplicateKeyError, NamedLockTimeoutError, runInTransaction } from '@shopwire/database';
import { DataSource, type QueryRunner } from 'typeorm';
import { decodeUpload } from './decode-upload.js';
import { checkImportFile, firstTakenName, type ImportedProduct } from './import-lines.js';

/** A collision whose name is gone again when looked up (cannot happen: products are never deleted) is retried this often. */
const DUPLICATE_ATTEMPTS = 3;

/** POST /update (contract §3.1) after the guard and the upload: checks 2–4, then one transaction. */
@Injectable()
export class ProductImportService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
  ) {}

  async importFile(file: Buffer | null): Promise<void> {
    if (file === null) throw new BadRequestError(Messages.fieldMissing('file'));
    const check = checkImportFile(decodeUpload(file));
    if (!check.ok) throw new BadRequestError(check.message);
    if (check.products.length === 0) return;
    try {
      await this.catalogue.withWriteLock((runner) => this.insertNew(runner, check.products));
    } catch (error) {
      if (error instanceof NamedLockTimeoutError) throw new ContractError(Messages.serviceUnavailable, 503);
      throw error;
    }
  }

  /**
   * Check 4 and the insert. Imports are serialised by the lock, and a product name is unique in
   * the store, so the insert itself is the check against the store: it succeeds when every name is
   * new, and otherwise fails on the unique hash and rolls back whole. Only then — or when the file
   * repeats a name — are the names looked up, to report the first taken one in line order.
   */
  private async insertNew(runner: QueryRunner, products: ImportedProduct[]): Promise<void> {
    if (firstTakenName(products, new Set()) !== null) await this.refuseTakenName(runner, products);
    for (let attempt = 1; ; attempt++) {
      try {
        // On the lock's connection: the lock must cover the commit.
        await runInTransaction(this.dataSource, () => this.catalogue.insertProducts(runner, products), { runner });
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= DUPLICATE_ATTEMPTS) throw error;
      }
      await this.refuseTakenName(runner, products);
    }
  }

  /** Throws check 4's error for the first line whose name is taken (in the store or earlier in the file). */
  private async refuseTakenName(runner: QueryRunner, products: ImportedProduct[]): Promise<void> {
    const existing = await this.catalogue.existingProductNames(
      runner,
      products.map((product) => product.name),
    );
    const taken = firstTakenName(products, existing);
    if (taken !== null) throw new BadRequestError(Messages.productExists(taken));
  }
}
