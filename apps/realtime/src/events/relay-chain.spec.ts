import type { OrderEventRecord } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { chainOf, parseEntry, planChain, type RelayEntry } from './relay-chain.js';

const event = (id: number): OrderEventRecord => ({
  id,
  orderId: id * 10,
  customerEmail: 'c@example.org',
  status: 'PENDING',
  courierEmail: null,
  occurredAt: '2026-12-06T22:00:00.000Z',
});
const entry = (id: number, prev: number): RelayEntry => ({ event: event(id), prev, addedAt: 0 });
const kinds = (steps: ReturnType<typeof planChain>['steps']) =>
  steps.map((step) => (step.kind === 'fill' ? `fill ${step.after}..${step.upTo}` : `deliver ${step.event.id}`));

describe('relay chain', () => {
  it('delivers an unbroken chain as it is', () => {
    const plan = planChain(3, [entry(4, 3), entry(6, 4), entry(7, 6)]);
    expect(kinds(plan.steps)).toEqual(['deliver 4', 'deliver 6', 'deliver 7']);
    expect(plan.cursor).toBe(7);
  });

  it('skips entries at or below the cursor (a second leader, a switch back from tailing)', () => {
    const plan = planChain(6, [entry(4, 3), entry(6, 4), entry(7, 6)]);
    expect(kinds(plan.steps)).toEqual(['deliver 7']);
  });

  it('delivers an entry whose prev is below the cursor: the ids in between are settled empty', () => {
    expect(kinds(planChain(5, [entry(8, 4)]).steps)).toEqual(['deliver 8']);
  });

  it('fills a hole from the table before the entry that reveals it', () => {
    const plan = planChain(3, [entry(10, 9), entry(11, 10)]);
    expect(kinds(plan.steps)).toEqual(['fill 3..9', 'deliver 10', 'deliver 11']);
    expect(plan.cursor).toBe(11);
  });

  it('fills each hole of a broken chain separately', () => {
    const plan = planChain(1, [entry(3, 2), entry(4, 3), entry(9, 7)]);
    expect(kinds(plan.steps)).toEqual(['fill 1..2', 'deliver 3', 'deliver 4', 'fill 4..7', 'deliver 9']);
  });

  it('treats a prev at or above its own id as a hole up to the entry', () => {
    expect(kinds(planChain(2, [entry(5, 9)]).steps)).toEqual(['fill 2..4', 'deliver 5']);
  });

  it('links what the leader delivers to the cursor before each event', () => {
    expect(chainOf(3, [event(5), event(6), event(9)]).map((link) => [link.event.id, link.prev])).toEqual([
      [5, 3],
      [6, 5],
      [9, 6],
    ]);
  });

  it('round-trips an entry through its stream fields and refuses a broken one', () => {
    const fields = ['e', JSON.stringify(event(12)), 'p', '11', 't', '1765058400000'];
    expect(parseEntry(fields)).toEqual({ event: event(12), prev: 11, addedAt: 1765058400000 });
    expect(parseEntry(['e', '{not json', 'p', '11'])).toBeUndefined();
    expect(parseEntry(['e', JSON.stringify(event(12))])).toBeUndefined();
  });
});
