import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import type { DataSource } from 'typeorm';
import type { CourierConfig } from './courier.config.js';
import { DeliveryModule } from './delivery/delivery.module.js';

@Module({})
export class CourierAppModule {
  static forRoot(config: CourierConfig, dataSource: DataSource): DynamicModule {
    return {
      module: CourierAppModule,
      imports: [
        ...platformModules({
          jwtSecret: config.JWT_SECRET,
          dataSource,
        }),
        DeliveryModule.forRoot(config),
      ],
    };
  }
}
