import { StoreSchema1764374400000 } from './1764374400000-store-schema.js';

/** Every store migration, in order. Listed explicitly: no glob discovery. Append new ones here. */
export const storeMigrations = [StoreSchema1764374400000];
