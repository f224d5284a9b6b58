import { describe, expect, it } from 'vitest';
import { ciHealth } from '@/metrics/ci/ci-health';
import { once, options, run, t } from './build-runs';

/**
 * Two repositories. acme/api (id 1, default branch `main`) has workflows `CI` and `Lint`; acme/web
 * (id 2, default branch `trunk`) has its own `CI`. Period: weeks 2026-W45 and W46 (UTC), now is
 * Friday 13 Nov 12:00, inside W46.
 */
const period = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
const opts = options('2026-11-13T12:00:00Z');
const context = {
  defaultBranchByRepo: new Map([
    [1, 'main'],
    [2, 'trunk'],
  ]),
  repoNames: new Map([
    [1, 'acme/api'],
    [2, 'acme/web'],
  ]),
};

const api = { repoId: 1, workflow: 'CI', workflowId: 10 };
const runs = [
  //                                                                    queue   duration  outcome
  once({ ...api, id: 1, created: '2026-11-02T10:00:00Z' }, 'success', '2026-11-02T10:00:30Z', '2026-11-02T10:10:30Z'), // 30      600  success
  run({
    ...api,
    id: 2,
    branch: 'feat',
    event: 'pull_request',
    created: '2026-11-03T09:00:00Z',
    attempts: [
      { conclusion: 'failure', started: '2026-11-03T09:01:00Z', updated: '2026-11-03T09:06:00Z' },
      { conclusion: 'success', started: '2026-11-03T09:20:00Z', updated: '2026-11-03T09:30:00Z' }, //               1200     600  success, flaky
    ],
  }),
  once({ ...api, id: 3, branch: 'feat', event: 'pull_request', created: '2026-11-03T12:00:00Z' }, 'cancelled', '2026-11-03T12:00:10Z', '2026-11-03T12:02:00Z'), // left out
  once({ ...api, id: 4, created: '2026-11-04T08:00:00Z' }, 'timed_out', '2026-11-04T08:01:00Z', '2026-11-04T08:31:00Z'), // 60   1800  failure
  once({ ...api, id: 5, created: '2026-11-04T09:00:00Z' }, 'startup_failure', '2026-11-04T09:00:05Z', '2026-11-04T09:00:07Z'), // 5  2  failure
  once({ ...api, id: 6, created: '2026-11-04T10:00:00Z' }, 'success', '2026-11-04T10:00:20Z', '2026-11-04T10:12:20Z'), // 20     720  success
  once({ ...api, id: 7, branch: 'feat', event: 'pull_request', created: '2026-11-05T10:00:00Z' }, 'skipped', '2026-11-05T10:00:01Z', '2026-11-05T10:00:01Z'), // left out
  once({ ...api, id: 8, branch: 'feat', event: 'pull_request', created: '2026-11-13T11:00:00Z' }, null, '2026-11-13T11:00:30Z', '2026-11-13T11:00:30Z'), // in progress
  once({ ...api, id: 9, created: '2026-11-12T15:00:00Z' }, 'failure', '2026-11-12T15:00:30Z', '2026-11-12T15:20:30Z'), // 30      1200  failure
  // Lint on acme/api
  once({ repoId: 1, workflow: 'Lint', workflowId: 11, id: 21, created: '2026-11-02T10:00:00Z' }, 'success', '2026-11-02T10:00:10Z', '2026-11-02T10:01:10Z'), // 10  60
  once(
    { repoId: 1, workflow: 'Lint', workflowId: 11, id: 22, branch: 'feat', event: 'pull_request', created: '2026-11-03T09:00:00Z' },
    'failure',
    '2026-11-03T09:00:10Z',
    '2026-11-03T09:01:40Z',
  ), // 10  90
  // CI on acme/web: its default branch is trunk, so the failure on its `main` branch turns nothing red.
  once(
    { repoId: 2, workflow: 'CI', workflowId: 30, id: 31, branch: 'trunk', created: '2026-11-05T10:00:00Z' },
    'success',
    '2026-11-05T10:01:00Z',
    '2026-11-05T10:06:00Z',
  ), // 60  300
  once(
    { repoId: 2, workflow: 'CI', workflowId: 30, id: 32, branch: 'main', created: '2026-11-05T11:00:00Z' },
    'failure',
    '2026-11-05T11:00:30Z',
    '2026-11-05T11:05:30Z',
  ), // 30  300
];

describe('CI health', () => {
  const health = ciHealth(runs, period, opts, context);
  const apiCi = health.workflows.find((w) => w.repoId === 1 && w.workflow === 'CI')!;
  const ids = (members: { runId: number }[]) => members.map((m) => m.runId).sort((a, b) => a - b);

  it('counts a re-run (failed, then green) once, as a success, and as flaky', () => {
    // acme/api CI runs with an outcome: 1 ✓, 2 ✓ (flaky), 4 ✗ timed_out, 5 ✗ startup_failure, 6 ✓, 9 ✗.
    // success rate = 3 / 6 = 0.5; flaky rate = 1 / 6.
    expect(apiCi.successRate).toMatchObject({ value: 0.5, numerator: 3, denominator: 6 });
    expect(ids(apiCi.successRate.members)).toEqual([1, 2, 4, 5, 6, 9]);
    expect(apiCi.flakyRate).toMatchObject({ value: 1 / 6, numerator: 1, denominator: 6 });
    const rerun = apiCi.successRate.members.find((m) => m.runId === 2)!;
    expect(rerun).toMatchObject({
      outcome: 'success',
      flaky: true,
      attempts: [
        { attempt: 1, conclusion: 'failure' },
        { attempt: 2, conclusion: 'success' },
      ],
    });
  });

  it('leaves cancelled, skipped and unfinished runs out of the rate, and counts timed_out and startup_failure as failures', () => {
    // Runs 3 (cancelled), 7 (skipped) and 8 (in progress) are attributed to the period but have no outcome.
    expect(apiCi.runs).toBe(9);
    expect(ids(apiCi.successRate.members)).not.toContain(3);
    expect(
      apiCi.successRate.members
        .filter((m) => m.outcome === 'failure')
        .map((m) => m.conclusion)
        .sort(),
    ).toEqual(['failure', 'startup_failure', 'timed_out']);
  });

  it('measures duration (updatedAt − runStartedAt of the latest attempt) and queue (runStartedAt − createdAt)', () => {
    // Durations 2, 600, 600, 720, 1200, 1800 s: p50 rank 2.5 → 600 + 0.5 × 120 = 660; p90 rank 4.5 → 1200 + 0.5 × 600 = 1500.
    expect(apiCi.duration.value).toMatchObject({ n: 6, p50: 660, p90: 1500 });
    // Queues 5, 20, 30, 30, 60, 1200 s: p50 rank 2.5 → 30; p90 rank 4.5 → 60 + 0.5 × 1140 = 630.
    // Run 2's queue is its re-run's start minus the run's creation (09:20 − 09:00 = 1200 s), literally.
    expect(apiCi.queue.value).toMatchObject({ n: 6, p50: 30, p90: 630 });
    expect(apiCi.queue.members.find((m) => m.runId === 2)).toMatchObject({ queueSeconds: 1200, durationSeconds: 600 });
  });

  it('splits by workflow: repository + workflow name', () => {
    expect(health.workflows.map((w) => [w.repo, w.workflow, w.successRate.numerator, w.successRate.denominator])).toEqual([
      ['acme/api', 'CI', 3, 6],
      ['acme/api', 'Lint', 1, 2],
      ['acme/web', 'CI', 1, 2],
    ]);
    // Over all: 5 successes (1, 2, 6, 21, 31) of 10.
    expect(health.overall.successRate).toMatchObject({ value: 0.5, numerator: 5, denominator: 10 });
    // All 10 durations: 2, 60, 90, 300, 300, 600, 600, 720, 1200, 1800: p50 rank 4.5 → 450; p90 rank 8.1 → 1200 + 0.1 × 600 = 1260.
    expect(health.overall.duration.value.p50).toBe(450);
    expect(health.overall.duration.value.p90).toBeCloseTo(1260, 9);
  });

  it('measures red time on the default branch: a failure, another failure, then the fix', () => {
    // main: run 4 timed out at 08:31:00, run 5 failed at 09:00:07 (still red), run 6 green at 10:12:20.
    // Red from 08:31:00 to 10:12:20 = 1 h 41 min 20 s = 6080 s. Run 2 and Lint's 22 fail on `feat`, not main.
    expect(apiCi.redTime.stretches.members).toEqual([
      expect.objectContaining({
        startedAt: t('2026-11-04T08:31:00Z'),
        endedAt: t('2026-11-04T10:12:20Z'),
        seconds: 6080,
        failingRunIds: [4, 5],
        fixRunId: 6,
        week: '2026-W45',
      }),
    ]);
    expect(apiCi.redTime.stretches.value).toMatchObject({ n: 1, p50: 6080 });
    expect(apiCi.redTime.totalSeconds).toBe(6080);
    expect(health.workflows.find((w) => w.repoId === 2)!.redTime.stretches.members).toEqual([]);
  });

  it('lists a red stretch still open at now, with its age', () => {
    // Run 9 failed on main at 12 Nov 15:20:30; nothing green since. At 13 Nov 12:00:00 it is 20 h 39 min 30 s = 74370 s old.
    expect(apiCi.redTime.ongoing).toEqual([
      expect.objectContaining({
        repo: 'acme/api',
        workflow: 'CI',
        branch: 'main',
        startedAt: t('2026-11-12T15:20:30Z'),
        failingRunIds: [9],
        ageSeconds: 74370,
      }),
    ]);
    expect(health.overall.redTime.ongoing).toHaveLength(1);
  });

  it('gives one point per week, the week containing now marked partial', () => {
    expect(apiCi.weekly.map((w) => [w.week, w.partial, w.value.runs, w.value.outcomes, w.value.successes, w.value.flaky, w.value.redTotalSeconds])).toEqual([
      // W45: runs 1–7 (1, 2, 4, 5, 6 have outcomes; 1, 2, 6 green; 2 flaky); the red stretch ended on 4 Nov.
      ['2026-W45', false, 7, 5, 3, 1, 6080],
      // W46: runs 8 (in progress) and 9 (failed).
      ['2026-W46', true, 2, 1, 0, 0, 0],
    ]);
    expect(apiCi.weekly[0]!.value.successRate).toBe(0.6);
  });

  it('carries what a person needs to check each run by hand', () => {
    expect(apiCi.duration.members.find((m) => m.runId === 4)).toEqual({
      runId: 4,
      repoId: 1,
      repo: 'acme/api',
      workflowId: 10,
      workflow: 'CI',
      branch: 'main',
      sha: 'sha4',
      event: 'push',
      at: t('2026-11-04T08:00:00Z'),
      week: '2026-W45',
      conclusion: 'timed_out',
      outcome: 'failure',
      attempts: [{ attempt: 1, conclusion: 'timed_out' }],
      flaky: false,
      finishedAt: t('2026-11-04T08:31:00Z'),
      durationSeconds: 1800,
      queueSeconds: 60,
      onDefaultBranch: true,
      anomalies: [],
    });
  });
});

describe('period attribution', () => {
  // Period: the week of 2 Nov, [Mon 2 Nov 00:00, Mon 9 Nov 00:00) UTC.
  const week45 = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') };
  const week46 = { from: t('2026-11-09T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
  const boundary = [
    // Created one second before the end, finished after it: attributed by createdAt, so in W45.
    once({ id: 41, created: '2026-11-08T23:59:59Z' }, 'failure', '2026-11-09T00:00:10Z', '2026-11-09T00:10:00Z'),
    // Created exactly at the end: the period is [from, to), so W46.
    once({ id: 42, created: '2026-11-09T00:00:00Z' }, 'success', '2026-11-09T00:00:30Z', '2026-11-09T00:30:00Z'),
    // Created exactly at the start: in W45.
    once({ id: 40, created: '2026-11-02T00:00:00Z' }, 'success', '2026-11-02T00:00:30Z', '2026-11-02T00:05:00Z'),
  ];
  const ctx = { defaultBranchByRepo: new Map([[1, 'main']]) };

  it('puts a run in the period of its createdAt, from inclusive, to exclusive', () => {
    const first = ciHealth(boundary, week45, options('2026-11-20T00:00:00Z'), ctx);
    const second = ciHealth(boundary, week46, options('2026-11-20T00:00:00Z'), ctx);
    expect(first.overall.successRate.members.map((m) => m.runId)).toEqual([41, 40]);
    expect(second.overall.successRate.members.map((m) => m.runId)).toEqual([42]);
  });

  it('puts a red stretch in the period of its end', () => {
    // Red from run 41's finish (9 Nov 00:10:00) to run 42's (00:30:00): 1200 s, ended in W46, although run 41 counts in W45.
    const first = ciHealth(boundary, week45, options('2026-11-20T00:00:00Z'), ctx);
    const second = ciHealth(boundary, week46, options('2026-11-20T00:00:00Z'), ctx);
    expect(first.overall.redTime.stretches.members).toEqual([]);
    expect(second.overall.redTime.stretches.members).toEqual([expect.objectContaining({ failingRunIds: [41], fixRunId: 42, seconds: 1200 })]);
    expect(second.overall.redTime.totalSeconds).toBe(1200);
  });

  it('lists a workflow whose only news in the period is a red stretch that ended there', () => {
    const runsOnly41and42 = boundary.filter((r) => r.id !== 40);
    const quiet = { from: t('2026-11-09T00:00:01Z'), to: t('2026-11-16T00:00:00Z') };
    const health = ciHealth(runsOnly41and42, quiet, options('2026-11-20T00:00:00Z'), ctx);
    expect(health.workflows).toHaveLength(1);
    expect(health.workflows[0]!.runs).toBe(0);
    expect(health.workflows[0]!.repo).toBeNull();
  });
});
