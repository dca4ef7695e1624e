import { BadRequestError, incarnationOfTokenId } from '@shopwire/contracts';
import { Body, Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AccessTokenClaims, OrderDetailsResponse } from '@shopwire/contracts';
import { ContractPost, bodyObject, sendJsonBytes } from '@shopwire/http';
import {
  OrderDetailsQuery,
  OrderTransitionsService,
  PlaceOrder,
  type PlacedOrder,
  validateOrderIdBody,
} from '@shopwire/ordering';
import { Claims, RequireRole } from '@shopwire/security';
import type { FastifyReply } from 'fastify';
import {
  MessageDoc,
  OrderIdBodyDoc,
  OrderStatusDoc,
  PlaceOrderBodyDoc,
  PlacedOrderDoc,
} from './customer-orders.api.js';
import { StatusResponses } from './status-responses.js';

@ApiTags('orders')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: '{"msg": "Missing Authorization Header"}' })
@RequireRole('customer')
@Controller()
export class CustomerOrdersController {
  constructor(
    @Inject(PlaceOrder) private readonly placeOrder: PlaceOrder,
    @Inject(StatusResponses) private readonly statusResponses: StatusResponses,
    @Inject(OrderTransitionsService) private readonly transitions: OrderTransitionsService,
    @Inject(OrderDetailsQuery) private readonly details: OrderDetailsQuery,
  ) {}

  @ContractPost('order')
  @ApiOperation({ summary: 'Place an order (contract §4.2)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1–255 printable ASCII characters (§8).' })
  @ApiBody({ type: PlaceOrderBodyDoc })
  @ApiOkResponse({ type: PlacedOrderDoc })
  @ApiBadRequestResponse({ type: MessageDoc })
  @ApiConflictResponse({ type: MessageDoc, description: 'Same Idempotency-Key still in flight.' })
  @ApiUnprocessableEntityResponse({ type: MessageDoc, description: 'Idempotency-Key reused with another body.' })
  order(
    @Claims() claims: AccessTokenClaims,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<PlacedOrder> {
    // Keys are scoped to the account incarnation too (ADR 0017).
    return this.placeOrder.place(claims.sub, incarnationOfTokenId(claims.jti), bodyObject(body), idempotencyKey);
  }

  @Get('status')
  @ApiOperation({ summary: "The customer's orders, oldest first (contract §4.3)" })
  @ApiOkResponse({ type: OrderStatusDoc })
  async status(@Claims() claims: AccessTokenClaims, @Res() reply: FastifyReply): Promise<void> {
    await sendJsonBytes(reply, await this.statusResponses.statusJson(claims.sub));
  }

  @Get('my_orders')
  @ApiOperation({
    summary: "Extension: the customer's newest orders with id, lines, total and life-cycle times (web app)",
  })
  async myOrders(@Claims() claims: AccessTokenClaims): Promise<OrderDetailsResponse> {
    return { orders: await this.details.ofCustomer(claims.sub) };
  }

  @ContractPost('delivered')
  @ApiOperation({ summary: 'Confirm delivery of a picked-up order (contract §4.4)' })
  @ApiBody({ type: OrderIdBodyDoc })
  @ApiOkResponse({ description: 'Empty body.' })
  @ApiBadRequestResponse({ type: MessageDoc })
  async delivered(@Claims() claims: AccessTokenClaims, @Body() body: unknown): Promise<void> {
    const validation = validateOrderIdBody(bodyObject(body));
    if (!validation.ok) throw new BadRequestError(validation.message);
    await this.transitions.confirmDelivery(validation.orderId, claims.sub);
  }
}
