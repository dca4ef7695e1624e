export * from './subscriptions/push-subscription.validation.js';
export * from './subscriptions/push-subscriptions.options.js';
export * from './subscriptions/push-subscriptions.module.js';
export * from './subscriptions/deliverable-subscription.js';
export * from './delivery/push-delivery.repository.js';
