import { Module } from '@nestjs/common';
import { ProductImportController } from './product-import.controller.js';
import { ProductImportService } from './product-import.service.js';

/** POST /update: bulk product import from CSV (contract §3.1). */
@Module({
  controllers: [ProductImportController],
  providers: [ProductImportService],
})
export class ProductImportModule {}
