import { Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { ownerOrdersFilter } from './owner-orders-query.js';

describe('ownerOrdersFilter (GET /orders query)', () => {
  it.each([
    [undefined, {}],
    [{}, {}],
    [{ status: 'CREATED' }, { status: 'CREATED' }],
    [{ status: ['COMPLETE', 'x'] }, { status: 'COMPLETE' }],
    [{ before: '42' }, { before: 42 }],
    [
      { status: 'PENDING', before: '7' },
      { status: 'PENDING', before: 7 },
    ],
    [{ before: '99999999999999' }, {}],
  ])('%j → %j', (query, filter) => {
    expect(ownerOrdersFilter(query)).toEqual({ ok: true, filter });
  });

  it.each([
    [{ status: '' }, Messages.invalidStatus],
    [{ status: 'created' }, Messages.invalidStatus],
    [{ status: 'DELIVERED' }, Messages.invalidStatus],
    [{ before: '' }, Messages.invalidBefore],
    [{ before: '0' }, Messages.invalidBefore],
    [{ before: '-1' }, Messages.invalidBefore],
    [{ before: '1.5' }, Messages.invalidBefore],
    [{ before: '07' }, Messages.invalidBefore],
    // status is checked first
    [{ status: 'x', before: 'y' }, Messages.invalidStatus],
  ])('%j → %s', (query, message) => {
    expect(ownerOrdersFilter(query)).toEqual({ ok: false, message });
  });
});
