import { Inject, Injectable } from '@nestjs/common';
import { CatalogueRepository, type OwnedProduct } from '@shopwire/catalogue';
import { BadRequestError, Messages } from '@shopwire/contracts';
import { isStorableId } from '@shopwire/ordering';
import { validateUpdateProductBody } from './update-product.validation.js';

/** The owner's catalogue: every product with its sale state, and changes to one (ADR 0021). */
@Injectable()
export class ProductsService {
  constructor(@Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository) {}

  /** `GET /products`: on sale or not, by id. */
  list(): Promise<OwnedProduct[]> {
    return this.catalogue.ownedProducts();
  }

  /** `POST /update_product`: the body checks, then the change; answers the product as it now is. */
  async update(body: Record<string, unknown>): Promise<OwnedProduct> {
    const validation = validateUpdateProductBody(body);
    if (!validation.ok) throw new BadRequestError(validation.message);
    const { change } = validation;
    // An id no column can hold refers to nothing (contract §0.4): no query needed.
    if (!isStorableId(change.id) || !(await this.catalogue.change(change))) {
      throw new BadRequestError(Messages.invalidUpdateProductId);
    }
    const [product] = await this.catalogue.ownedProducts([change.id]);
    return product;
  }
}
