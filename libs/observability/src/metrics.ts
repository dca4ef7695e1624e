import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { serviceMetrics } from './cluster-metrics.js';
import { metricsRegistry } from './metrics-registry.js';

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return serviceMetrics();
  }
}
