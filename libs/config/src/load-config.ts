import { z } from 'zod';

/** Thrown at boot when the environment does not satisfy an app's schema. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates `env` against `schema` and returns the typed config, or throws a ConfigError whose
 * message lists every offending variable (fail fast, one clear message at boot).
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(environment)';
      return `  - ${key}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
