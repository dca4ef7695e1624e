import { Accounts1764374400000 } from './1764374400000-accounts.js';

/** Every auth migration, in order. Listed explicitly: no glob discovery. Append new ones here. */
export const authMigrations = [Accounts1764374400000];
