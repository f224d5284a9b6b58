import { describe, expect, it } from 'vitest';
import { ciHealth } from '@/metrics/ci/ci-health';
import { redStretches } from '@/metrics/ci/red-time';
import { toRunMember } from '@/metrics/ci/run-member';
import type { WorkflowRunRecord } from '@/metrics/records';
import { once, options, run, t } from './build-runs';

const context = { defaultBranchByRepo: new Map([[1, 'main']]) };
const stretchesOf = (runs: WorkflowRunRecord[], now = '2026-11-20T00:00:00Z', extra = {}) => {
  const opts = options(now, extra);
  return redStretches(
    runs.map((r) => toRunMember(r, opts, context)),
    opts,
  );
};

describe('default-branch red time', () => {
  it('is not ended by a cancelled run, and not started by a pull_request run from a fork’s `main`', () => {
    const { stretches } = stretchesOf([
      once({ id: 1, created: '2026-11-02T10:00:00Z' }, 'failure', '2026-11-02T10:00:10Z', '2026-11-02T10:10:00Z'),
      once({ id: 2, created: '2026-11-02T10:30:00Z' }, 'cancelled', '2026-11-02T10:30:10Z', '2026-11-02T10:31:00Z'),
      // A contributor's fork PR from their `main`: GitHub reports head_branch `main`, but it is not ours.
      once({ id: 3, event: 'pull_request', created: '2026-11-02T10:40:00Z' }, 'success', '2026-11-02T10:40:10Z', '2026-11-02T10:45:00Z'),
      once({ id: 4, created: '2026-11-02T11:00:00Z' }, 'success', '2026-11-02T11:00:10Z', '2026-11-02T11:10:00Z'),
    ]);
    // 10:10:00 → 11:10:00 = 3600 s; run 3 neither ended it (pull_request) nor did run 2 (cancelled).
    expect(stretches).toEqual([expect.objectContaining({ failingRunIds: [1], fixRunId: 4, seconds: 3600 })]);
  });

  it('takes a re-run on the default branch at its latest attempt: a flaky run ends red, it does not start it', () => {
    const { stretches, ongoing } = stretchesOf([
      run({
        id: 1,
        created: '2026-11-02T10:00:00Z',
        attempts: [
          { conclusion: 'failure', started: '2026-11-02T10:00:10Z', updated: '2026-11-02T10:10:00Z' },
          { conclusion: 'success', started: '2026-11-02T10:30:00Z', updated: '2026-11-02T10:40:00Z' },
        ],
      }),
    ]);
    // The 30 minutes between the failed attempt and the green re-run are not red time: the run is a success.
    expect(stretches).toEqual([]);
    expect(ongoing).toEqual([]);
  });

  it('orders runs by their finish, not their creation', () => {
    const { stretches } = stretchesOf([
      // Created first, finished last: it is the fix.
      once({ id: 1, created: '2026-11-02T09:00:00Z' }, 'success', '2026-11-02T09:00:10Z', '2026-11-02T10:30:00Z'),
      once({ id: 2, created: '2026-11-02T09:30:00Z' }, 'failure', '2026-11-02T09:30:10Z', '2026-11-02T09:40:00Z'),
    ]);
    // 09:40 → 10:30 = 3000 s.
    expect(stretches).toEqual([expect.objectContaining({ failingRunIds: [2], fixRunId: 1, seconds: 3000 })]);
  });

  it('keeps workflows apart: another workflow going green does not end CI’s red stretch', () => {
    const runs = [
      once({ id: 7, created: '2026-11-02T09:00:00Z' }, 'failure', '2026-11-02T09:00:10Z', '2026-11-02T09:01:00Z'),
      once({ id: 8, workflow: 'Lint', workflowId: 11, created: '2026-11-02T09:30:00Z' }, 'success', '2026-11-02T09:30:10Z', '2026-11-02T09:31:00Z'),
    ];
    const health = ciHealth(runs, { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-03T00:00:00Z') }, options('2026-11-02T10:01:00Z'), context);
    // CI red since 09:01:00; at now 10:01:00 it is 3600 s old. Lint was never red.
    expect(health.workflows.map((w) => [w.workflow, w.redTime.ongoing.map((o) => o.ageSeconds)])).toEqual([
      ['CI', [3600]],
      ['Lint', []],
    ]);
  });

  it('ignores runs that finish after now (now is the clock)', () => {
    const { stretches, ongoing } = stretchesOf(
      [
        once({ id: 1, created: '2026-11-02T09:00:00Z' }, 'failure', '2026-11-02T09:00:10Z', '2026-11-02T09:10:00Z'),
        once({ id: 2, created: '2026-11-02T09:30:00Z' }, 'success', '2026-11-02T09:30:10Z', '2026-11-02T09:50:00Z'),
      ],
      '2026-11-02T09:40:00Z',
    );
    expect(stretches).toEqual([]);
    // 09:10 → 09:40 = 1800 s.
    expect(ongoing).toEqual([expect.objectContaining({ failingRunIds: [1], ageSeconds: 1800 })]);
  });

  it('counts no weekend time in business-time mode', () => {
    const runs = [
      once({ id: 1, created: '2026-11-06T17:50:00Z' }, 'failure', '2026-11-06T17:50:10Z', '2026-11-06T18:00:00Z'), // Friday 18:00
      once({ id: 2, created: '2026-11-09T09:50:00Z' }, 'success', '2026-11-09T09:50:10Z', '2026-11-09T10:00:00Z'), // Monday 10:00
    ];
    // Calendar: 64 h = 230400 s. Business time: Friday 6 h + Monday 10 h = 16 h = 57600 s.
    expect(stretchesOf(runs).stretches[0]!.seconds).toBe(230_400);
    expect(stretchesOf(runs, '2026-11-20T00:00:00Z', { businessTime: true }).stretches[0]!.seconds).toBe(57_600);
  });
});
