import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import type { DataSource } from 'typeorm';
import type { OwnerConfig } from './owner.config.js';
import { OwnerOrdersModule } from './orders/owner-orders.module.js';
import { ProductImportModule } from './product-import/product-import.module.js';
import { ProductsModule } from './products/products.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';

@Module({})
export class OwnerAppModule {
  static forRoot(config: OwnerConfig, dataSource: DataSource): DynamicModule {
    return {
      module: OwnerAppModule,
      imports: [
        ...platformModules({ jwtSecret: config.JWT_SECRET, dataSource }),
        ProductImportModule,
        ProductsModule,
        OwnerOrdersModule,
        StatisticsModule.forRoot(config),
      ],
    };
  }
}
