import { Module } from '@nestjs/common';
import { CatalogueRepository } from '@shopwire/catalogue';
import { ProductImportController } from './product-import.controller.js';
import { ProductImportService } from './product-import.service.js';

/** POST /update: bulk product import from CSV (contract §3.1). */
@Module({
  controllers: [ProductImportController],
  providers: [CatalogueRepository, ProductImportService],
})
export class ProductImportModule {}
