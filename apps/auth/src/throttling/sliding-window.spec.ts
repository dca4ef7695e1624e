import { describe, expect, it } from 'vitest';
import { longestRetryAfter, retryAfterSeconds } from './sliding-window.js';

describe('sliding-window throttle decision', () => {
  it.each<[string, number, number, number, number | null]>([
    ['no events', 0, 0, 5, null],
    ['below the limit', 4, 600, 5, null],
    ['at the limit', 5, 600, 5, 600],
    ['above the limit (concurrent requests)', 7, 12.2, 5, 13],
    ['oldest about to expire: never 0', 5, 0.01, 5, 1],
    ['clock skew gives a negative wait: still 1', 5, -3, 5, 1],
  ])('%s', (_label, count, secondsUntilOldestExpires, limit, expected) => {
    expect(retryAfterSeconds({ count, secondsUntilOldestExpires }, limit)).toBe(expected);
  });

  it.each<[(number | null)[], number | null]>([
    [[null, null], null],
    [[null, 30], 30],
    [[900, 30], 900],
    [[], null],
  ])('longest of %j → %j', (decisions, expected) => {
    expect(longestRetryAfter(...decisions)).toBe(expected);
  });
});
