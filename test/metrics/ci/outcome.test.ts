import { describe, expect, it } from 'vitest';
import { attemptConclusions, isFlaky, outcomeOf } from '@/metrics/ci/outcome';
import { run } from './build-runs';

describe('run outcomes (the latest attempt counts)', () => {
  it('counts timed_out and startup_failure as failures, and leaves cancelled, skipped, neutral, action_required, stale and unfinished out', () => {
    expect(['success', 'failure', 'timed_out', 'startup_failure'].map(outcomeOf)).toEqual(['success', 'failure', 'failure', 'failure']);
    expect(['cancelled', 'skipped', 'neutral', 'action_required', 'stale', null].map(outcomeOf)).toEqual([null, null, null, null, null, null]);
  });

  it('calls a run flaky when its latest attempt succeeded after an earlier attempt failed', () => {
    const rerun = run({
      created: '2026-11-03T09:00:00Z',
      attempts: [
        { conclusion: 'failure', started: '2026-11-03T09:01:00Z', updated: '2026-11-03T09:06:00Z' },
        { conclusion: 'success', started: '2026-11-03T09:20:00Z', updated: '2026-11-03T09:30:00Z' },
      ],
    });
    expect(isFlaky(rerun)).toBe(true);
    expect(outcomeOf(rerun.conclusion)).toBe('success');
    expect(attemptConclusions(rerun)).toEqual([
      { attempt: 1, conclusion: 'failure' },
      { attempt: 2, conclusion: 'success' },
    ]);
  });

  it('is not flaky after a cancelled attempt, nor when the re-run failed again', () => {
    const afterCancel = run({
      created: '2026-11-03T09:00:00Z',
      attempts: [
        { conclusion: 'cancelled', started: '2026-11-03T09:01:00Z', updated: '2026-11-03T09:02:00Z' },
        { conclusion: 'success', started: '2026-11-03T09:10:00Z', updated: '2026-11-03T09:20:00Z' },
      ],
    });
    const stillRed = run({
      created: '2026-11-03T09:00:00Z',
      attempts: [
        { conclusion: 'failure', started: '2026-11-03T09:01:00Z', updated: '2026-11-03T09:02:00Z' },
        { conclusion: 'failure', started: '2026-11-03T09:10:00Z', updated: '2026-11-03T09:20:00Z' },
      ],
    });
    expect(isFlaky(afterCancel)).toBe(false);
    expect(isFlaky(stillRed)).toBe(false);
  });

  it('cannot tell flakiness when GitHub had purged the earlier attempt (run_attempt 2, only attempt 2 stored)', () => {
    const purged = {
      ...run({ created: '2026-11-03T09:00:00Z', attempts: [{ conclusion: 'success', started: '2026-11-03T09:20:00Z', updated: '2026-11-03T09:30:00Z' }] }),
    };
    purged.runAttempt = 2;
    purged.attempts = [{ ...purged.attempts[0]!, attempt: 2 }];
    expect(isFlaky(purged)).toBe(false);
    expect(attemptConclusions(purged)).toEqual([{ attempt: 2, conclusion: 'success' }]);
  });
});
