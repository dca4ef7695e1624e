import { booleanFlag, z } from '@shopwire/config';
import { isValidEmail } from '@shopwire/contracts';
import { isPresentName, isValidPassword } from '../validation/account-field-rules.js';
import { DEFAULT_OWNER, WELL_KNOWN_OWNER_PASSWORD } from './owner-seed.js';

/** An empty value (`OWNER_PASSWORD_HASH=` in an env file) is the same as an unset one. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

/** The owner account the auth service provisions at start (contract §1.4, ADR 0017). */
export const ownerConfigShape = {
  OWNER_EMAIL: optionalText,
  /** The owner's password; or OWNER_PASSWORD_HASH, an Argon2id PHC string (`$argon2id$…`). */
  OWNER_PASSWORD: optionalText,
  OWNER_PASSWORD_HASH: optionalText,
  OWNER_FORENAME: optionalText,
  OWNER_SURNAME: optionalText,
  /** Lets NODE_ENV=production seed the contract's well-known password (contract-test stacks only). */
  OWNER_ALLOW_WELL_KNOWN_PASSWORD: booleanFlag(false),
};

export interface ConfiguredOwner {
  forename: string;
  surname: string;
  email: string;
  /** Exactly one of password / passwordHash is set. */
  password?: string;
  passwordHash?: string;
  /**
   * True when the environment sets the password: a restart applies it again if (and only if) it
   * changed since last applied. The built-in development owner is only ever created when missing.
   */
  fromEnvironment: boolean;
}

type OwnerFields = { NODE_ENV: string } & {
  [K in keyof typeof ownerConfigShape]: z.output<(typeof ownerConfigShape)[K]>;
};

/**
 * Resolves OWNER_*: in production the owner must come from the environment, and the contract's
 * well-known password is refused unless OWNER_ALLOW_WELL_KNOWN_PASSWORD=true; outside production the
 * contract's owner is the default (what `npm start` and the tests rely on).
 */
export function resolveOwnerConfig<T extends OwnerFields>(
  cfg: T,
  ctx: z.RefinementCtx,
): T & { OWNER: ConfiguredOwner; WELL_KNOWN_OWNER_PASSWORD_ALLOWED: boolean } {
  const production = cfg.NODE_ENV === 'production';
  const allowed = !production || cfg.OWNER_ALLOW_WELL_KNOWN_PASSWORD;
  const issue = (path: keyof typeof ownerConfigShape, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  const { OWNER_EMAIL: email, OWNER_PASSWORD: password, OWNER_PASSWORD_HASH: passwordHash } = cfg;
  const given = email !== undefined || password !== undefined || passwordHash !== undefined;

  if (!given) {
    if (production)
      issue('OWNER_EMAIL', 'is required when NODE_ENV=production (with OWNER_PASSWORD or OWNER_PASSWORD_HASH)');
    return { ...cfg, OWNER: { ...DEFAULT_OWNER, fromEnvironment: false }, WELL_KNOWN_OWNER_PASSWORD_ALLOWED: allowed };
  }
  if (email === undefined || !isValidEmail(email)) issue('OWNER_EMAIL', 'must be a valid email (contract §2.1 rule)');
  if (password !== undefined && passwordHash !== undefined) {
    issue('OWNER_PASSWORD_HASH', 'set either OWNER_PASSWORD or OWNER_PASSWORD_HASH, not both');
  } else if (password === undefined && passwordHash === undefined) {
    issue('OWNER_PASSWORD', 'is required with OWNER_EMAIL (or OWNER_PASSWORD_HASH)');
  }
  if (password !== undefined && !isValidPassword(password)) issue('OWNER_PASSWORD', 'must be 8 to 256 characters');
  if (password === WELL_KNOWN_OWNER_PASSWORD && !allowed) {
    issue('OWNER_PASSWORD', 'is the publicly known contract password: choose another (npm run setup:env)');
  }
  if (passwordHash !== undefined && !passwordHash.startsWith('$argon2id$')) {
    issue('OWNER_PASSWORD_HASH', 'must be an Argon2id PHC string ($argon2id$…)');
  }
  for (const name of ['OWNER_FORENAME', 'OWNER_SURNAME'] as const) {
    if (cfg[name] !== undefined && !isPresentName(cfg[name])) issue(name, 'must be 1 to 256 characters');
  }
  const owner: ConfiguredOwner = {
    forename: cfg.OWNER_FORENAME ?? DEFAULT_OWNER.forename,
    surname: cfg.OWNER_SURNAME ?? DEFAULT_OWNER.surname,
    email: email ?? '',
    ...(passwordHash !== undefined ? { passwordHash } : { password: password ?? '' }),
    fromEnvironment: true,
  };
  return { ...cfg, OWNER: owner, WELL_KNOWN_OWNER_PASSWORD_ALLOWED: allowed };
}
