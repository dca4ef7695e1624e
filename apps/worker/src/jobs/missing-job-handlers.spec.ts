import { QUEUE_JOB_NAMES } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { STATISTICS_JOB_HANDLERS } from '../statistics/statistics.processor.js';
import { missingJobHandlers } from './missing-job-handlers.js';

describe('missingJobHandlers (boot check)', () => {
  it('is empty when every declared job has a handler', () => {
    expect(missingJobHandlers({ q: ['a', 'b'] }, { q: ['b', 'a', 'extra'] })).toEqual([]);
  });

  it('lists each unhandled job as queue/job', () => {
    expect(missingJobHandlers({ q: ['a', 'b'], r: ['c'] }, { q: ['a'] })).toEqual(['q/b', 'r/c']);
  });

  it('finds a handler for every job name of the contracts', () => {
    expect(missingJobHandlers(QUEUE_JOB_NAMES, STATISTICS_JOB_HANDLERS)).toEqual([]);
  });
});
