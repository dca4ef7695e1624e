import { Body, Controller, Get, Inject } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { OwnerProduct, OwnerProductsResponse } from '@shopwire/contracts';
import { ContractPost, bodyObject } from '@shopwire/http';
import { RequireRole } from '@shopwire/security';
import { ProductsService } from './products.service.js';

const PRODUCT_EXAMPLE = { id: 1, name: 'Apple', price: 1.25, categories: ['Fruit', 'Organic'], onSale: true };

/** Additive owner endpoints (issue 20 item 7, docs/api.md): the catalogue and changes to a product. */
@ApiTags('products')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ schema: { example: { msg: 'Missing Authorization Header' } } })
@RequireRole('owner')
@Controller()
export class ProductsController {
  constructor(@Inject(ProductsService) private readonly products: ProductsService) {}

  @Get('products')
  @ApiOperation({ summary: 'Extension: every product, on sale or not, by id (the owner view of the catalogue).' })
  @ApiOkResponse({ schema: { example: { products: [PRODUCT_EXAMPLE] } } })
  async list(): Promise<OwnerProductsResponse> {
    return { products: await this.products.list() };
  }

  @ContractPost('update_product')
  @ApiOperation({
    summary: 'Extension: change a product’s price and/or take it off sale (false) or back (true).',
    description:
      'Orders keep the price they were placed with; an off-sale product is hidden from /search and refused by /order.',
  })
  @ApiBody({ schema: { example: { id: 1, price: 1.5, onSale: false } } })
  @ApiOkResponse({ schema: { example: PRODUCT_EXAMPLE } })
  @ApiBadRequestResponse({
    content: {
      'application/json': {
        examples: {
          missing: { value: { message: 'Missing product id.' } },
          invalid: { value: { message: 'Invalid product id.' } },
          nothing: { value: { message: 'Field price or onSale is missing.' } },
          price: { value: { message: 'Invalid price.' } },
          onSale: { value: { message: 'Invalid onSale value.' } },
        },
      },
    },
  })
  update(@Body() body: unknown): Promise<OwnerProduct> {
    return this.products.update(bodyObject(body));
  }
}
