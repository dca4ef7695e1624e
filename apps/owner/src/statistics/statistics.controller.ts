import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '@shopwire/security';
import { RevenueStatisticsService } from './revenue-statistics.service.js';
import { StatisticsService } from './statistics.service.js';

/** Contract §3.2–3.3. Bodies arrive serialised (cached while nothing changes). */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller()
@RequireRole('owner')
export class StatisticsController {
  constructor(
    @Inject(StatisticsService) private readonly statistics: StatisticsService,
    @Inject(RevenueStatisticsService) private readonly revenue: RevenueStatisticsService,
  ) {}

  @Get('product_statistics')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: '{"statistics": [{"name", "sold", "waiting"}]} for every product ever ordered' })
  productStatistics(): Promise<Buffer> {
    return this.statistics.productStatisticsJson();
  }

  @Get('category_statistics')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: '{"statistics": [category names]} by delivered desc, then name' })
  categoryStatistics(): Promise<Buffer> {
    return this.statistics.categoryStatisticsJson();
  }

  @Get('revenue_statistics')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({
    description:
      'Extension: {"statistics": [{"id", "name", "soldRevenue", "waitingRevenue"}]} for the products and in the order of /product_statistics; exact Σ unit price × quantity at the price each order was placed with',
  })
  revenueStatistics(): Promise<Buffer> {
    return this.revenue.revenueStatisticsJson();
  }
}
