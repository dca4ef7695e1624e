import { Body, Controller, Get, Inject, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { BadRequestError, incarnationOfTokenId, type AccessTokenClaims } from '@shopwire/contracts';
import { ContractPost, bodyObject } from '@shopwire/http';
import { Claims, RequireRole } from '@shopwire/security';
import { validatePushSubscribe, validatePushUnsubscribe } from './push-subscription.validation.js';
import {
  PUSH_SUBSCRIPTIONS_OPTIONS,
  type PushRole,
  type PushSubscriptionsOptions,
} from './push-subscriptions.options.js';
import {
  PushSubscriptionsRepository,
  type PushAccount,
  type PushSubscriptionView,
} from './push-subscriptions.repository.js';

/** The token's account: its email and incarnation (ADR 0017). */
const accountOf = (claims: AccessTokenClaims): PushAccount => ({
  email: claims.sub,
  incarnation: incarnationOfTokenId(claims.jti),
});

/**
 * `POST /push_subscribe`, `POST /push_unsubscribe`, `GET /push_subscriptions` for one role: the
 * same controller is mounted in the customer app (role customer) and the courier app (courier).
 * Decorators are static, hence one class per role.
 */
export function pushSubscriptionsController(role: PushRole): Type<unknown> {
  @ApiTags('push')
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: '{"msg": "Missing Authorization Header"}' })
  @RequireRole(role)
  @Controller()
  class PushSubscriptionsController {
    constructor(
      @Inject(PushSubscriptionsRepository) private readonly store: PushSubscriptionsRepository,
      @Inject(PUSH_SUBSCRIPTIONS_OPTIONS) private readonly options: PushSubscriptionsOptions,
    ) {}

    @ContractPost('push_subscribe')
    @ApiOperation({
      summary: 'Register or update this device’s Web Push subscription (PushSubscription.toJSON() + notify)',
    })
    @ApiOkResponse({ description: '{"id": 1, "endpoint": "https://…", "notify": true}' })
    @ApiBadRequestResponse({ description: '{"message": "Invalid push endpoint."} and the other checks' })
    async subscribe(@Claims() claims: AccessTokenClaims, @Body() body: unknown): Promise<PushSubscriptionView> {
      const input = validatePushSubscribe(bodyObject(body), this.options.allowedHosts);
      if (!input.ok) throw new BadRequestError(input.message);
      return this.store.upsert(accountOf(claims), role, input.value);
    }

    @ContractPost('push_unsubscribe')
    @ApiOperation({ summary: 'Remove this account’s subscription of `endpoint` (unknown endpoint: still 200)' })
    @ApiOkResponse({ description: 'Empty body.' })
    async unsubscribe(@Claims() claims: AccessTokenClaims, @Body() body: unknown): Promise<void> {
      const endpoint = validatePushUnsubscribe(bodyObject(body));
      if (!endpoint.ok) throw new BadRequestError(endpoint.message);
      await this.store.remove(accountOf(claims), role, endpoint.value);
    }

    @Get('push_subscriptions')
    @ApiOperation({ summary: 'This account’s registered devices' })
    @ApiOkResponse({ description: '{"subscriptions": [{"id", "endpoint", "notify"}]}' })
    async list(@Claims() claims: AccessTokenClaims): Promise<{ subscriptions: PushSubscriptionView[] }> {
      return { subscriptions: await this.store.list(accountOf(claims), role) };
    }
  }
  return PushSubscriptionsController;
}
