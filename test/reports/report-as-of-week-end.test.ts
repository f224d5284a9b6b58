/**
 * A past week's report is as of that week's end (docs/metrics.md#weeks-and-reports): made the day
 * after the week and made again a month later, with more facts synced in between (a review and a
 * merge of a PR that was waiting, a review answering a request, an incident after the week's
 * deployment), it is the same JSON apart from `generatedAt`; its waiting ages are those at Sunday
 * 24:00, worked by hand. The same report shows coverage's change over the same repositories
 * (docs/metrics.md#all-repositories): two repositories this week, one the week before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/config/env';
import { startFakeGitHub } from '@/fake-github/server';
import type { FakeOrg } from '@/fake-github/model';
import { renderJson } from '@/reports/render-json';
import { renderMarkdown } from '@/reports/render-markdown';
import type { Database } from '@/server/db/client';
import { metricSettings } from '@/server/metric-settings';
import { buildWeeklyReport } from '@/server/services/reports/build-weekly-report';
import type { WeeklyReport } from '@/reports/weekly-report.types';
import { buildIssue, buildOrg, buildWorkflowRun } from '../support/fake-org-builder';
import { syncWithFake } from '../support/sync-harness';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

/** The report is of 2026-W45 in UTC (Monday 2 November 00:00 to Monday 9 November 00:00), made the day after and a month later. */
const NEXT_DAY = new Date('2026-11-10T12:00:00Z');
const MONTH_LATER = new Date('2026-12-10T12:00:00Z');
const HOUR = 3600;

const codecov = (pct: string, createdAt: string) => ({
  context: 'codecov/project',
  state: 'SUCCESS' as const,
  description: `${pct}% compared to 0000000`,
  createdAt,
});

/** The org as synced the day after the week: facts up to then, some of them already after the week's end. */
function orgTheDayAfter(): FakeOrg {
  const org = buildOrg({
    repositories: [
      {
        name: 'api',
        // Newest first. Coverage: 78.00 % in W44, 81.00 % in W45.
        defaultBranchCommits: [
          { committedAt: '2026-11-05T12:00:00Z', statuses: [codecov('81.00', '2026-11-05T12:10:00Z')] },
          { committedAt: '2026-10-28T12:00:00Z', statuses: [codecov('78.00', '2026-10-28T12:10:00Z')] },
          { committedAt: '2026-10-20T12:00:00Z' },
        ],
        pullRequests: [
          // Ready on Wednesday 10:00; its first review came on Monday 10:00, after the week.
          { number: 1, createdAt: '2026-11-04T10:00:00Z', reviews: [{ authorLogin: 'bob', state: 'COMMENTED', submittedAt: '2026-11-09T10:00:00Z' }] },
          // Ready on Thursday 09:00, carol asked at 09:05; nobody has answered yet.
          {
            number: 2,
            createdAt: '2026-11-05T09:00:00Z',
            timeline: [{ type: 'ReviewRequestedEvent', createdAt: '2026-11-05T09:05:00Z', reviewer: { kind: 'user', login: 'carol' } }],
          },
        ],
        // CI on main failed on Saturday 10:00 and passed again on Monday 08:00, after the week.
        workflowRuns: [
          { name: 'CI', conclusion: 'failure', createdAt: '2026-11-07T09:55:00Z', runStartedAt: '2026-11-07T09:56:00Z', updatedAt: '2026-11-07T10:00:00Z' },
          { name: 'CI', conclusion: 'success', createdAt: '2026-11-09T07:55:00Z', runStartedAt: '2026-11-09T07:56:00Z', updatedAt: '2026-11-09T08:00:00Z' },
        ],
        // One production deployment in the week, Friday 10:00, successful.
        deployments: [{ createdAt: '2026-11-06T09:59:00Z', statuses: [{ state: 'success', createdAt: '2026-11-06T10:00:00Z' }] }],
      },
      {
        name: 'web',
        // Coverage only from this week: 65.40 % on Friday.
        defaultBranchCommits: [
          { committedAt: '2026-11-06T12:00:00Z', statuses: [codecov('65.40', '2026-11-06T12:10:00Z')] },
          { committedAt: '2026-10-20T12:00:00Z' },
        ],
      },
    ],
  });
  return org;
}

/** Built once: GitHub's ids (in the report's links) are the same in both syncs. */
const THE_DAY_AFTER = orgTheDayAfter();

/** The same org a month later: what happened since is added, nothing before the week's end changes. */
function orgAMonthLater(): FakeOrg {
  const org = structuredClone(THE_DAY_AFTER);
  const api = org.repositories.find((r) => r.name === 'api')!;
  const [pr1, pr2] = api.pullRequests;
  Object.assign(pr1!, {
    state: 'MERGED',
    mergedAt: '2026-11-10T15:00:00Z',
    closedAt: '2026-11-10T15:00:00Z',
    mergedByLogin: 'alice',
    updatedAt: '2026-11-10T15:00:00Z',
  });
  pr2!.reviews.push({
    id: 990_001,
    nodeId: 'PRR_990001',
    authorLogin: 'carol',
    state: 'APPROVED',
    submittedAt: '2026-11-13T09:05:00Z',
    commitSha: pr2!.commits.at(-1)!.sha,
  });
  pr2!.updatedAt = '2026-11-13T09:05:00Z';
  // An incident opened after Friday's deployment and before any next one: today it fails that deployment.
  api.issues.push(buildIssue({ labels: ['incident'], createdAt: '2026-11-11T10:00:00Z', state: 'closed', closedAt: '2026-11-11T14:00:00Z' }, 3));
  api.labels = [...new Set([...api.labels, 'incident'])];
  api.workflowRuns.push(
    buildWorkflowRun(
      { name: 'CI', conclusion: 'failure', createdAt: '2026-11-20T09:55:00Z', runStartedAt: '2026-11-20T09:56:00Z', updatedAt: '2026-11-20T10:00:00Z' },
      api,
    ),
  );
  return org;
}

async function reportOf(kind: DatabaseKind, org: FakeOrg, now: Date): Promise<WeeklyReport> {
  const database: Database = await createTestDatabase(kind);
  const github = startFakeGitHub(org);
  try {
    const { result } = await syncWithFake(database.db, { targets: ['org:acme'], horizon: new Date('2026-09-01T00:00:00Z'), now });
    expect(result.status, JSON.stringify(result)).toBe('succeeded');
    return await buildWeeklyReport(database.db, { week: '2026-W45' }, metricSettings(loadConfig({})), now, 'https://github.com');
  } finally {
    github.close();
    await database.close();
  }
}

const withoutGeneratedAt = (report: WeeklyReport) => renderJson({ ...report, generatedAt: new Date(0) });

describe.each(databaseKinds())("a past week's report on %s", (kind) => {
  let first: WeeklyReport;
  let again: WeeklyReport;
  beforeAll(async () => {
    first = await reportOf(kind, structuredClone(THE_DAY_AFTER), NEXT_DAY);
    again = await reportOf(kind, orgAMonthLater(), MONTH_LATER);
  }, 120_000);

  it('made again a month later, with more facts since, is the same JSON apart from generatedAt', () => {
    expect(first.generatedAt).toEqual(NEXT_DAY);
    expect(again.generatedAt).toEqual(MONTH_LATER);
    expect(withoutGeneratedAt(again)).toBe(withoutGeneratedAt(first));
  });

  it('lists what was waiting at Sunday 24:00, with its age then', () => {
    for (const report of [first, again]) {
      // PR 1: Wednesday 4 Nov 10:00 → Monday 9 Nov 00:00 = 4 d 14 h = 110 h (its review came at 10:00 that Monday).
      // PR 2: Thursday 5 Nov 09:00 → Monday 00:00 = 3 d 15 h = 87 h.
      expect(report.attention.waitingForFirstReview.map((p) => [p.number, p.waitingSeconds])).toEqual([
        [1, 110 * HOUR],
        [2, 87 * HOUR],
      ]);
      // carol's request: Thursday 09:05 → Monday 00:00 = 86 h 55 min.
      expect(report.attention.waitingReviewRequests.map((r) => [r.number, r.reviewer, r.waitingSeconds])).toEqual([[2, 'carol', 86 * HOUR + 55 * 60]]);
      // main was red from Saturday 10:00 until Monday 08:00: red at the week's end.
      expect(report.attention.redDefaultBranches.map((r) => [r.repo, r.workflow, r.since])).toEqual([['acme/api', 'CI', new Date('2026-11-07T10:00:00Z')]]);
    }
  });

  it("judges the week's deployment by what was known at its end", () => {
    // Friday's deployment had not failed by Sunday 24:00 (the incident came on 11 November): 0 of 1.
    for (const report of [first, again]) expect(report.headlines.find((h) => h.key === 'changeFailureRate')).toMatchObject({ value: 0, n: 1 });
  });

  it('compares coverage over the repositories with a value in both weeks, and names the one left out', () => {
    // This week: api 81.00, web 65.40 → level (81 + 65.4) / 2 = 73.2 %. The week before: api 78.00 only.
    // Change: api alone, 81 − 78 = +3 pp (not 73.2 − 78 = −4.8 pp); web is left out.
    const coverage = first.headlines.find((h) => h.key === 'coverage')!;
    expect(coverage.value).toBeCloseTo(73.2, 12);
    expect(coverage).toMatchObject({ previousWeek: 78, changeVsPreviousWeek: 3, changeLeftOut: ['acme/web'], improved: true });
    // W41–W43 have no level (api's commit of 20 October has no coverage), W44 api 78: api's own mean 78,
    // so against the four weeks api changed 81 − 78 = +3 pp as well.
    expect(coverage).toMatchObject({ fourWeekAverage: 78, changeVsFourWeekAverage: 3 });
    expect(first.summary).toContain(
      'Test coverage improved: 73.2 %, +3 pp (+4 %) against the previous week, over the same repositories (1 left out, named under the headline numbers).',
    );
    expect(renderMarkdown(first)).toContain(
      '_Test coverage: the changes compare the same repositories, those with a value this week and in the weeks compared with; left out: acme/web._',
    );
  });
});
