/**
 * The facts as they stood at an instant (docs/metrics.md#weeks-and-reports): what a past week's
 * report is computed from. Each record keeps what had happened by `asOf` (an event exactly at it
 * has happened) and loses what came later.
 */
import { describe, expect, it } from 'vitest';
import { commitAsOf, githubDeploymentAsOf, incidentAsOf, pullRequestAsOf, recordsAsOf, releaseAsOf, workflowRunAsOf } from '@/metrics/as-of';
import type { WorkflowRunRecord } from '@/metrics/records';
import { commit, ghDeployment, incident, pr, release, t, workflowRun } from './delivery/builders';

const AS_OF = t('2026-11-09T00:00:00Z');
const bob = { login: 'bob', type: 'User' };

describe('facts as of an instant', () => {
  it('a PR merged later was open, without the reviews, commits, events and comments that came later', () => {
    const merged = {
      ...pr(1, { createdAt: '2026-11-04T10:00:00Z', mergedAt: '2026-11-10T15:00:00Z', firstCommitAt: '2026-11-04T09:00:00Z' }),
      commits: [
        { sha: 'c1', authoredAt: t('2026-11-04T09:00:00Z') },
        { sha: 'c2', authoredAt: t('2026-11-09T09:00:00Z') },
      ],
      reviews: [
        { id: 1, author: bob, state: 'COMMENTED' as const, submittedAt: AS_OF },
        { id: 2, author: bob, state: 'APPROVED' as const, submittedAt: t('2026-11-09T10:00:00Z') },
      ],
      events: [{ kind: 'review_requested' as const, createdAt: t('2026-11-10T08:00:00Z'), actor: null, reviewer: bob, team: null }],
      comments: [{ id: 7, author: bob, kind: 'conversation', createdAt: t('2026-11-09T11:00:00Z') }],
    };
    const then = pullRequestAsOf(merged, AS_OF)!;
    expect(then).toMatchObject({ state: 'open', mergedAt: null, closedAt: null, mergedBy: null, mergeCommitSha: null, events: [], comments: [] });
    expect(then.commits.map((c) => c.sha)).toEqual(['c1']);
    // The review exactly at asOf had happened.
    expect(then.reviews.map((r) => r.id)).toEqual([1]);
    expect(pullRequestAsOf(merged, t('2026-11-11T00:00:00Z'))).toMatchObject({ state: 'merged', mergedAt: t('2026-11-10T15:00:00Z') });
    expect(pullRequestAsOf(pr(2, { createdAt: '2026-11-09T00:00:01Z' }), AS_OF)).toBeNull();
  });

  it('a PR made ready later was a draft; one converted later was not', () => {
    const readyLater = {
      ...pr(3, { createdAt: '2026-11-05T10:00:00Z' }),
      events: [{ kind: 'ready_for_review' as const, createdAt: t('2026-11-10T10:00:00Z'), actor: null, reviewer: null, team: null }],
    };
    expect(pullRequestAsOf(readyLater, AS_OF)!.isDraft).toBe(true);
    const convertedLater = { ...readyLater, isDraft: true, events: [{ ...readyLater.events[0]!, kind: 'convert_to_draft' as const }] };
    expect(pullRequestAsOf(convertedLater, AS_OF)!.isDraft).toBe(false);
  });

  it('a deployment has only the statuses it had; a release published later was a draft; an incident closed later was open', () => {
    const d = ghDeployment(1, {
      createdAt: '2026-11-06T09:59:00Z',
      statuses: [
        ['in_progress', '2026-11-06T10:00:00Z'],
        ['failure', '2026-11-09T01:00:00Z'],
      ],
    });
    expect(githubDeploymentAsOf(d, AS_OF)!.statuses.map((s) => s.state)).toEqual(['in_progress']);
    expect(releaseAsOf({ ...release(1, { tag: 'v1', publishedAt: '2026-11-10T00:00:00Z' }), createdAt: t('2026-11-08T00:00:00Z') }, AS_OF)).toMatchObject({
      isDraft: true,
      publishedAt: null,
    });
    expect(incidentAsOf(incident(1, { createdAt: '2026-11-08T10:00:00Z', closedAt: '2026-11-09T10:00:00Z' }), AS_OF)).toMatchObject({ closedAt: null });
    expect(incidentAsOf(incident(2, { createdAt: '2026-11-09T10:00:00Z' }), AS_OF)).toBeNull();
  });

  it('a run that finished later was still running, and a re-run started later had not happened', () => {
    const running = workflowRunAsOf(
      workflowRun(1, { conclusion: 'success', createdAt: '2026-11-08T23:50:00Z', startedAt: '2026-11-08T23:51:00Z', updatedAt: '2026-11-09T00:10:00Z' }),
      AS_OF,
    )!;
    expect(running).toMatchObject({ status: 'in_progress', conclusion: null, runStartedAt: t('2026-11-08T23:51:00Z') });

    // Attempt 1 failed on Saturday; attempt 2, started Monday, succeeded: as of Sunday 24:00 the run had failed.
    const rerun: WorkflowRunRecord = {
      ...workflowRun(2, { conclusion: 'success', createdAt: '2026-11-07T09:55:00Z', startedAt: '2026-11-09T08:00:00Z', updatedAt: '2026-11-09T08:05:00Z' }),
      runAttempt: 2,
      attempts: [
        { attempt: 1, status: 'completed', conclusion: 'failure', runStartedAt: t('2026-11-07T09:56:00Z'), updatedAt: t('2026-11-07T10:00:00Z') },
        { attempt: 2, status: 'completed', conclusion: 'success', runStartedAt: t('2026-11-09T08:00:00Z'), updatedAt: t('2026-11-09T08:05:00Z') },
      ],
    };
    expect(workflowRunAsOf(rerun, AS_OF)).toMatchObject({
      runAttempt: 1,
      conclusion: 'failure',
      updatedAt: t('2026-11-07T10:00:00Z'),
      attempts: [{ attempt: 1 }],
    });
    expect(workflowRunAsOf(rerun, t('2026-11-10T00:00:00Z'))).toEqual(rerun);
  });

  it('a commit has only the coverage reports it had, and later commits are dropped', () => {
    const c = {
      ...commit('c1', [], '2026-11-08T12:00:00Z'),
      statuses: [
        { context: 'codecov/project', state: 'success', description: '80.00%', createdAt: t('2026-11-08T12:10:00Z') },
        { context: 'codecov/project', state: 'success', description: '81.00%', createdAt: t('2026-11-09T12:10:00Z') },
      ],
    };
    expect(commitAsOf(c, AS_OF)!.statuses.map((s) => s.description)).toEqual(['80.00%']);
    expect(recordsAsOf([c, commit('c2', [], '2026-11-09T01:00:00Z')], AS_OF, commitAsOf).map((x) => x.sha)).toEqual([c.sha]);
  });
});
