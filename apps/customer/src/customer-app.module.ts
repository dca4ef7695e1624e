import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import { AccountIncarnationsModule, StoreEpochFollowers, StoreEpochModule } from '@shopwire/store-data';
import { PushSubscriptionsModule } from '@shopwire/push';
import type { DataSource } from 'typeorm';
import type { CustomerConfig } from './customer.config.js';
import { SearchModule } from './search/search.module.js';
import { CustomerOrdersModule } from './orders/customer-orders.module.js';

@Module({})
export class CustomerAppModule {
  static forRoot(config: CustomerConfig, dataSource: DataSource): DynamicModule {
    const epochs = new StoreEpochFollowers(dataSource);
    return {
      module: CustomerAppModule,
      imports: [
        ...platformModules({
          jwtSecret: config.JWT_SECRET,
          dataSource,
          extraReadinessChecks: [epochs.readinessCheck()],
        }),
        StoreEpochModule.with(epochs),
        // Per-account state is keyed by incarnation: every token's is recorded first (ADR 0017).
        AccountIncarnationsModule.forRoot(),
        SearchModule,
        CustomerOrdersModule.forRoot(config),
        PushSubscriptionsModule.forRole({
          role: 'customer',
          allowedHosts: config.PUSH_ENDPOINT_HOSTS,
          maxPerAccount: config.PUSH_MAX_SUBSCRIPTIONS_PER_ACCOUNT,
        }),
      ],
    };
  }
}
