import { Accounts1764374400000 } from './1764374400000-accounts.js';
import { AuthRateEvents1764374400001 } from './1764374400001-auth-rate-events.js';
import { AccountIncarnationAndOwnerSeed1765000000000 } from './1765000000000-account-incarnation-and-owner-seed.js';

/** Every auth migration, in order. Listed explicitly: no glob discovery. Append new ones here. */
export const authMigrations = [
  Accounts1764374400000,
  AuthRateEvents1764374400001,
  AccountIncarnationAndOwnerSeed1765000000000,
];
