import { z } from 'zod';

/** Used only outside production; NODE_ENV=production refuses it (and any secret < 32 bytes). */
export const DEVELOPMENT_JWT_SECRET = 'shopwire-development-secret-do-not-use-in-production';
const MIN_PRODUCTION_SECRET_BYTES = 32;

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');
export const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

/** What every shopwire process reads: runtime mode, logging, CORS, the shared token secret. */
export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().optional(),
  CORS_ORIGINS: commaList('http://localhost:5004,http://127.0.0.1:5004'),
  TRUST_PROXY: booleanFlag(false),
};

/**
 * What the HTTP services (auth, owner, customer, courier) read besides: how many processes serve
 * the port (ADR 0015). 1 where an orchestrator scales by replicas; `npm start` picks its own.
 */
export const httpProcessesConfigShape = {
  HTTP_PROCESSES: positiveInt(1),
};

type BaseShape = typeof baseConfigShape;

/**
 * Builds an app's config schema: the base fields plus the app's own, with the JWT secret rule
 * applied (a development default outside production; in production a secret of ≥ 32 bytes or
 * the process refuses to start).
 */
export function platformConfigSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  const shape = { ...baseConfigShape, ...extra } as BaseShape & Extra;
  type Parsed = z.output<z.ZodObject<BaseShape & Extra>>;
  return z.object(shape).transform((parsed, ctx) => {
    const cfg = parsed as Parsed & { NODE_ENV: string; JWT_SECRET?: string };
    const production = cfg.NODE_ENV === 'production';
    const secret = cfg.JWT_SECRET ?? (production ? undefined : DEVELOPMENT_JWT_SECRET);
    if (
      secret === undefined ||
      secret.length === 0 ||
      (production && Buffer.byteLength(secret) < MIN_PRODUCTION_SECRET_BYTES)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: `must be a random secret of at least ${MIN_PRODUCTION_SECRET_BYTES} bytes when NODE_ENV=production`,
      });
      return z.NEVER;
    }
    return { ...cfg, JWT_SECRET: secret } as Omit<Parsed, 'JWT_SECRET'> & { JWT_SECRET: string };
  });
}

export type BaseConfig = z.output<ReturnType<typeof platformConfigSchema<{}>>>;
