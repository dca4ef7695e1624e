export * from './migrations/index.js';
export * from './store-data-source.js';
export * from './store-config.js';
export * from './store-epoch.js';
export * from './store-epoch.repository.js';
export * from './accounts/account-incarnations.repository.js';
export * from './accounts/account-incarnations.module.js';
