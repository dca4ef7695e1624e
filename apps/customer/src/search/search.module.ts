import { Module } from '@nestjs/common';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/** GET /search (contract §4.1). */
@Module({
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
