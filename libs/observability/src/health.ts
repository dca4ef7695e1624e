import { Controller, Get, HttpStatus, Inject, Module, type DynamicModule, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MetricsController } from './metrics.js';

/** One dependency the app needs to serve traffic; throws (or rejects) when it is not usable. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<unknown>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
const CHECK_TIMEOUT_MS = 2000;

async function runCheck(check: ReadinessCheck): Promise<[string, 'up' | 'down']> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return [check.name, 'up'];
  } catch {
    return [check.name, 'down'];
  } finally {
    clearTimeout(timer);
  }
}

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** The process is up and its event loop answers. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Every dependency answers: 200, else 503 with which one is down. */
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const results = Object.fromEntries(await Promise.all(this.checks.map(runCheck)));
    const ready = Object.values(results).every((state) => state === 'up');
    void reply
      .status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .send(ready ? { status: 'ok', checks: results } : { message: 'Service not ready.', checks: results });
  }
}

export interface HealthModuleOptions {
  inject?: Array<string | symbol | Function>;
  /** Nest passes the `inject` tokens' instances; `never[]` accepts a factory of any parameter types. */
  useFactory: (...deps: never[]) => ReadinessCheck[];
}

/** `/health/live`, `/health/ready` and `/metrics` for an app, with the app's own readiness checks. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController, MetricsController],
      providers: [{ provide: READINESS_CHECKS, inject: options.inject ?? [], useFactory: options.useFactory }],
    };
  }
}
