import { Module } from '@nestjs/common';
import { CatalogueRepository } from '@shopwire/catalogue';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/** GET /search (contract §4.1). */
@Module({
  controllers: [SearchController],
  providers: [CatalogueRepository, SearchService],
})
export class SearchModule {}
