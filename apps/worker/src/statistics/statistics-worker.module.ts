import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { STATISTICS_QUEUE } from '@shopwire/contracts';
import { OrderEventsApplier } from './order-events-applier.js';
import { OrderEventsNudges } from './order-events-nudges.js';
import { StatisticsProcessor } from './statistics.processor.js';

/** Keeps the sales statistics aggregates up to date from `order_events` (ADR 0004). */
@Module({
  imports: [BullModule.registerQueue({ name: STATISTICS_QUEUE })],
  providers: [OrderEventsApplier, StatisticsProcessor, OrderEventsNudges],
  exports: [StatisticsProcessor, OrderEventsApplier],
})
export class StatisticsWorkerModule {}
