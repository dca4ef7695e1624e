import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { WebConfig } from '@shopwire/contracts';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';

/** The web app's runtime config: where the HTTP services it calls live, and the push key. */
@ApiExcludeController()
@Controller()
export class WebConfigController {
  constructor(@Inject(REALTIME_CONFIG) private readonly config: RealtimeConfig) {}

  @Get('config.json')
  webConfig(): WebConfig {
    return {
      authUrl: this.config.AUTH_PUBLIC_URL,
      ownerUrl: this.config.OWNER_PUBLIC_URL,
      customerUrl: this.config.CUSTOMER_PUBLIC_URL,
      courierUrl: this.config.COURIER_PUBLIC_URL,
      mapTileUrl: this.config.WEB_MAP_TILE_URL || null,
      mapAttribution: this.config.WEB_MAP_TILE_URL ? this.config.WEB_MAP_ATTRIBUTION : '',
      // The VAPID public key for PushManager.subscribe(); null when push is disabled.
      vapidPublicKey: this.config.PUSH_ENABLED ? this.config.VAPID_PUBLIC_KEY : null,
    };
  }
}
