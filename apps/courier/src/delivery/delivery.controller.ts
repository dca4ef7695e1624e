import { BadRequestError } from '@shopwire/contracts';
import { Body, Controller, Get, Inject, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AccessTokenClaims, OrderDetailsResponse } from '@shopwire/contracts';
import { ContractPost, bodyObject, sendJsonBytes } from '@shopwire/http';
import {
  OrderDetailsQuery,
  OrderTransitionsService,
  OrdersToDeliverQuery,
  validateOrderIdBody,
} from '@shopwire/ordering';
import { Claims, RequireRole } from '@shopwire/security';
import type { FastifyReply } from 'fastify';
import { MessageDoc, OrdersToDeliverDoc, PickUpBodyDoc } from './delivery.api.js';

@ApiTags('delivery')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: '{"msg": "Missing Authorization Header"}' })
@RequireRole('courier')
@Controller()
export class DeliveryController {
  constructor(
    @Inject(OrdersToDeliverQuery) private readonly ordersToDeliver: OrdersToDeliverQuery,
    @Inject(OrderTransitionsService) private readonly transitions: OrderTransitionsService,
    @Inject(OrderDetailsQuery) private readonly details: OrderDetailsQuery,
  ) {}

  @Get('orders_to_deliver')
  @ApiOperation({ summary: 'Orders not yet picked up, ascending id (contract §5.1)' })
  @ApiOkResponse({ type: OrdersToDeliverDoc })
  async list(@Res() reply: FastifyReply): Promise<void> {
    await sendJsonBytes(reply, await this.ordersToDeliver.json());
  }

  @Get('board')
  @ApiOperation({
    summary: 'Extension: orders waiting for a courier with lines, total and age, newest first (web app)',
  })
  async board(): Promise<OrderDetailsResponse> {
    return { orders: await this.details.waiting() };
  }

  @Get('my_deliveries')
  @ApiOperation({ summary: "Extension: this courier's orders on the way or delivered in the last 24 h (web app)" })
  async myDeliveries(@Claims() claims: AccessTokenClaims): Promise<OrderDetailsResponse> {
    return { orders: await this.details.ofCourier(claims.sub) };
  }

  @ContractPost('pick_up_order')
  @ApiOperation({ summary: 'Pick up a CREATED order; exactly one of concurrent couriers wins (contract §5.2)' })
  @ApiBody({ type: PickUpBodyDoc })
  @ApiOkResponse({ description: 'Empty body.' })
  @ApiBadRequestResponse({ type: MessageDoc })
  async pickUp(@Claims() claims: AccessTokenClaims, @Body() body: unknown): Promise<void> {
    const validation = validateOrderIdBody(bodyObject(body));
    if (!validation.ok) throw new BadRequestError(validation.message);
    await this.transitions.pickUp(validation.orderId, claims.sub);
  }
}
