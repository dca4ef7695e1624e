import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import { PushSubscriptionsModule } from '@shopwire/push';
import { AccountIncarnationsModule } from '@shopwire/store-data';
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
        // Per-account state is keyed by incarnation: every token's is recorded first (ADR 0017).
        AccountIncarnationsModule.forRoot(),
        DeliveryModule.forRoot(config),
        PushSubscriptionsModule.forRole({
          role: 'courier',
          allowedHosts: config.PUSH_ENDPOINT_HOSTS,
          maxPerAccount: config.PUSH_MAX_SUBSCRIPTIONS_PER_ACCOUNT,
        }),
      ],
    };
  }
}
