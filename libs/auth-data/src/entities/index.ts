import { AccountEntity } from './account.entity.js';

export { AccountEntity };

/** Every auth entity. Listed explicitly: no glob discovery. Append new ones here. */
export const authEntities = [AccountEntity];
