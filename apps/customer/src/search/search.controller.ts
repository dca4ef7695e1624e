import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { sendJsonBytes } from '@shopwire/http';
import { RequireRole } from '@shopwire/security';
import type { FastifyReply } from 'fastify';
import { searchCriteria } from './search-criteria.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller()
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('search')
  @RequireRole('customer')
  @ApiOperation({ summary: 'Products and categories by name substring (contract §4.1).' })
  @ApiQuery({ name: 'name', required: false, description: 'Literal, case-sensitive substring of product names.' })
  @ApiQuery({ name: 'category', required: false, description: 'Literal, case-sensitive substring of category names.' })
  @ApiQuery({
    name: 'match',
    required: false,
    enum: ['exact', 'insensitive'],
    description:
      'Extension (issue 20): `insensitive` compares case-folded names (Unicode, locale-independent); ' +
      'absent, empty or `exact` is the contract search; any other value → 400 {"message": "Invalid match option."}.',
  })
  @ApiOkResponse({
    description: 'Matching categories and products (empty lists when nothing matches).',
    schema: {
      example: {
        categories: ['Fruit', 'Organic'],
        products: [{ categories: ['Fruit', 'Organic'], id: 1, name: 'Apple', price: 1.25 }],
      },
    },
  })
  @ApiBadRequestResponse({ schema: { example: { message: 'Invalid match option.' } } })
  @ApiUnauthorizedResponse({ schema: { example: { msg: 'Missing Authorization Header' } } })
  async find(@Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await sendJsonBytes(reply, await this.search.searchJson(searchCriteria(query)));
  }
}
