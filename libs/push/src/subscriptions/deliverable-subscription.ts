/**
 * A `push_subscriptions` row may be pushed to unless a newer incarnation of its email is known
 * (ADR 0017): the device of a deleted account never receives what its successor with the same
 * email does. For the WHERE of any query that selects FROM push_subscriptions.
 */
export const DELIVERABLE_SUBSCRIPTION_SQL = `NOT EXISTS (
  SELECT 1 FROM account_incarnations ai
   WHERE ai.email = push_subscriptions.account_email AND ai.incarnation > push_subscriptions.account_incarnation)`;
