import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { BadRequestError, type OwnerOrdersResponse } from '@shopwire/contracts';
import { OrderDetailsQuery } from '@shopwire/ordering';
import { RequireRole } from '@shopwire/security';
import { ownerOrdersFilter } from './owner-orders-query.js';

/** Additive owner endpoint (issue 20 item 7, docs/api.md): every customer's orders, newest first. */
@ApiTags('orders')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ schema: { example: { msg: 'Missing Authorization Header' } } })
@RequireRole('owner')
@Controller()
export class OwnerOrdersController {
  constructor(@Inject(OrderDetailsQuery) private readonly details: OrderDetailsQuery) {}

  @Get('orders')
  @ApiOperation({ summary: 'Extension: the newest 200 orders (optionally of one status, before an id) with lines.' })
  @ApiQuery({ name: 'status', required: false, enum: ['CREATED', 'PENDING', 'COMPLETE'] })
  @ApiQuery({ name: 'before', required: false, description: 'Only orders with a smaller id (next page).' })
  @ApiOkResponse({
    schema: {
      example: {
        orders: [
          {
            id: 7,
            status: 'PENDING',
            placedAt: '2026-12-06T10:00:00.000Z',
            pickedUpAt: '2026-12-06T10:05:00.000Z',
            deliveredAt: null,
            total: 7,
            customer: 'ana@example.org',
            courier: 'bob@example.org',
            items: [{ id: 1, name: 'Apple', price: 1.25, quantity: 4 }],
          },
        ],
      },
    },
  })
  @ApiBadRequestResponse({
    content: {
      'application/json': {
        examples: {
          status: { value: { message: 'Invalid status.' } },
          before: { value: { message: 'Invalid before.' } },
        },
      },
    },
  })
  async list(@Query() query: Record<string, unknown>): Promise<OwnerOrdersResponse> {
    const validation = ownerOrdersFilter(query);
    if (!validation.ok) throw new BadRequestError(validation.message);
    return { orders: await this.details.forOwner(validation.filter) };
  }
}
