import { Messages, type OrderStatus } from '@shopwire/contracts';
import { isStorableId, type OwnerOrdersFilter } from '@shopwire/ordering';

export type OwnerOrdersQueryValidation = { ok: true; filter: OwnerOrdersFilter } | { ok: false; message: string };

const STATUSES: readonly OrderStatus[] = ['CREATED', 'PENDING', 'COMPLETE'];
const DECIMAL_ID = /^[1-9][0-9]*$/;

/**
 * `GET /orders` query: optional `status` (exactly CREATED, PENDING or COMPLETE), then optional
 * `before` (a positive decimal integer: the page after that order id). A repeated parameter counts
 * with its first value, as in `/search` (contract §4.1).
 */
export function ownerOrdersFilter(query: Record<string, unknown> | undefined): OwnerOrdersQueryValidation {
  const status = firstValue(query?.status);
  const before = firstValue(query?.before);
  const filter: OwnerOrdersFilter = {};
  if (status !== undefined) {
    if (!STATUSES.includes(status as OrderStatus)) return { ok: false, message: Messages.invalidStatus };
    filter.status = status as OrderStatus;
  }
  if (before !== undefined) {
    if (!DECIMAL_ID.test(before)) return { ok: false, message: Messages.invalidBefore };
    // Every stored id is below an id no column can hold: the first page again.
    const id = Number(before);
    if (isStorableId(id)) filter.before = id;
  }
  return { ok: true, filter };
}

function firstValue(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}
