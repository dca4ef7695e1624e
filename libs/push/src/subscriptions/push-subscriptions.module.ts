import { type DynamicModule, Module } from '@nestjs/common';
import { pushSubscriptionsController } from './push-subscriptions.controller.js';
import { PUSH_SUBSCRIPTIONS_OPTIONS, type PushSubscriptionsOptions } from './push-subscriptions.options.js';
import { PushSubscriptionsRepository } from './push-subscriptions.repository.js';

/** The subscriptions API of one role. Needs the app's store DataSource (DatabaseModule) in scope. */
@Module({})
export class PushSubscriptionsModule {
  static forRole(options: PushSubscriptionsOptions): DynamicModule {
    return {
      module: PushSubscriptionsModule,
      providers: [{ provide: PUSH_SUBSCRIPTIONS_OPTIONS, useValue: options }, PushSubscriptionsRepository],
      controllers: [pushSubscriptionsController(options.role)],
    };
  }
}
