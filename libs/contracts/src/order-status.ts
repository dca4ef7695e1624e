/** Order life cycle (contract §6): CREATED → PENDING → COMPLETE, no other transitions. */
export const ORDER_STATUSES = ['CREATED', 'PENDING', 'COMPLETE'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
