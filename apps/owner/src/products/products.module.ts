import { Module } from '@nestjs/common';
import { CatalogueRepository } from '@shopwire/catalogue';
import { ProductsController } from './products.controller.js';
import { ProductsService } from './products.service.js';

/** `GET /products`, `POST /update_product` (issue 20 item 7, ADR 0021). */
@Module({
  controllers: [ProductsController],
  providers: [CatalogueRepository, ProductsService],
})
export class ProductsModule {}
