import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import type { DataSource } from 'typeorm';
import type { OwnerConfig } from './owner.config.js';
import { ProductImportModule } from './product-import/product-import.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';

@Module({})
export class OwnerAppModule {
  static forRoot(config: OwnerConfig, dataSource: DataSource): DynamicModule {
    return {
      module: OwnerAppModule,
      imports: [
        ...platformModules({ jwtSecret: config.JWT_SECRET, dataSource }),
        ProductImportModule,
        StatisticsModule.forRoot(config),
      ],
    };
  }
}
