/**
 * The DevLake preset against DevLake's own expected rows for panjf2000/ants (test/fixtures/devlake-ants):
 * the real GitHub payloads, mapped to PullRequestRecords here, must give DevLake's coding, pickup,
 * review and cycle minutes for every merged PR. Then the same PRs under our default definitions:
 * which come out differently, and why.
 */
import { describe, expect, it } from 'vitest';
import type { FakeOrg } from '@/fake-github/model';
import { devlakePullRequest } from '@/metrics/pull-requests/devlake';
import { pullRequestMetrics, type PullRequestMember } from '@/metrics/pull-requests/pull-request-metrics';
import { pullRequestTimestamps } from '@/metrics/pull-requests/timestamps';
import type { PullRequestRecord } from '@/metrics/records';
import { DEFAULT_OPTIONS, type MetricOptions } from '@/metrics/types';
import { loadDevlakeAnts, readExpectedCsv } from '../../support/devlake-fixture';

/** The fixture's FakeOrg as the metrics see it: one record per PR, comments joined by PR number. */
function antsRecords(org: FakeOrg): PullRequestRecord[] {
  const types = new Map(org.users.map((u) => [u.login, u.type]));
  const account = (login: string | null) => ({ login, type: login === null ? null : (types.get(login) ?? 'User') });
  const repo = org.repositories[0]!;
  return repo.pullRequests.map((p) => ({
    id: p.id,
    repoId: repo.id,
    repo: `${repo.owner}/${repo.name}`,
    number: p.number,
    title: p.title,
    author: account(p.authorLogin),
    state: p.state === 'MERGED' ? 'merged' : p.state === 'OPEN' ? 'open' : 'closed',
    isDraft: p.isDraft,
    createdAt: new Date(p.createdAt),
    closedAt: p.closedAt ? new Date(p.closedAt) : null,
    mergedAt: p.mergedAt ? new Date(p.mergedAt) : null,
    mergedBy: p.mergedByLogin ? account(p.mergedByLogin) : null,
    mergeCommitSha: p.mergeCommitSha,
    headRef: p.headRef,
    baseRef: p.baseRef,
    additions: p.additions,
    deletions: p.deletions,
    labels: p.labels,
    commits: p.commits.map((c) => ({ sha: c.sha, authoredAt: new Date(c.authoredAt) })),
    reviews: p.reviews.map((r) => ({ id: r.id, author: account(r.authorLogin), state: r.state, submittedAt: r.submittedAt ? new Date(r.submittedAt) : null })),
    events: p.timeline.flatMap((e) =>
      e.type === 'ReadyForReviewEvent' ? [{ kind: 'ready_for_review' as const, createdAt: new Date(e.createdAt), actor: account(e.actorLogin), reviewer: null, team: null }] : [],
    ),
    comments: [
      ...repo.issueComments
        .filter((c) => c.issueNumber === p.number)
        .map((c) => ({ id: c.id, author: account(c.authorLogin), kind: 'conversation', createdAt: new Date(c.createdAt) })),
      ...repo.reviewComments
        .filter((c) => c.pullNumber === p.number)
        .map((c) => ({ id: c.id, author: account(c.authorLogin), kind: 'diff', createdAt: new Date(c.createdAt) })),
    ],
  }));
}

const records = antsRecords(loadDevlakeAnts());
const expected = readExpectedCsv('pr_metrics_devlake_definitions.csv');
const everything = { from: new Date('2018-01-01T00:00:00Z'), to: new Date('2023-01-01T00:00:00Z') };
const optionsFor = (preset: MetricOptions['preset']): MetricOptions => ({ ...DEFAULT_OPTIONS, now: new Date('2023-01-01T00:00:00Z'), preset });
const minutes = (cell: string | undefined): number | null => (cell === undefined || cell === '' ? null : Number(cell));
const byNumber = (members: PullRequestMember[]) => new Map(members.map((m) => [m.number, m]));

describe('DevLake preset on panjf2000/ants', () => {
  it('has the 26 merged PRs DevLake computed, and nothing else', () => {
    const merged = records.filter((r) => r.mergedAt).map((r) => r.number);
    expect(merged.sort((a, b) => a - b)).toEqual(expected.map((row) => Number(row.pull_request_key)).sort((a, b) => a - b));
    expect(merged).toHaveLength(26);
  });

  it('reproduces coding, pickup, review and cycle time to the minute for every merged PR (empty = null)', () => {
    const result = pullRequestMetrics(records, everything, optionsFor('devlake'));
    const [coding, pickup, review, cycle] = [result.coding, result.pickup, result.review, result.cycle].map((a) => byNumber(a.members));
    const ours = expected.map((row) => {
      const n = Number(row.pull_request_key);
      const value = (m: PullRequestMember | undefined) => (m?.seconds == null ? null : m.seconds / 60);
      return { n, coding: value(coding!.get(n)), pickup: value(pickup!.get(n)), review: value(review!.get(n)), cycle: value(cycle!.get(n)) };
    });
    const theirs = expected.map((row) => ({
      n: Number(row.pull_request_key),
      coding: minutes(row.pr_coding_time),
      pickup: minutes(row.pr_pickup_time),
      review: minutes(row.pr_review_time),
      cycle: minutes(row.pr_cycle_time),
    }));
    expect(ours).toEqual(theirs);
    // Spot checks by hand:
    // #40: first commit 06:25:16 → created 07:07:06 = 41 min 50 s → 42; created → first comment (a diff
    //      comment by panjf2000) 09:38:21 = 151 min 15 s → 152; → merged 15:22:26 = 344 min 5 s → 345;
    //      cycle = 42 + (created → merged 8 h 15 min 20 s → 496) = 538.
    expect(ours.find((o) => o.n === 40)).toEqual({ n: 40, coding: 42, pickup: 152, review: 345, cycle: 538 });
    // #4: first commit 14:28:11 is after created 08:19:30 → negative → null; cycle = 0 + (18 h 13 min 11 s → 1094).
    expect(ours.find((o) => o.n === 4)).toEqual({ n: 4, coding: null, pickup: 6, review: 1088, cycle: 1094 });
  });

  it('takes the same first review as DevLake (time, and review vs comment)', () => {
    for (const row of expected) {
      const pr = records.find((r) => r.number === Number(row.pull_request_key))!;
      const first = devlakePullRequest(pr, null)!.firstReview;
      expect({ n: pr.number, at: first?.at.toISOString() ?? null }).toEqual({
        n: pr.number,
        at: row.first_comment_date ? new Date(row.first_comment_date).toISOString() : null,
      });
      // DevLake's ids say GithubPrReview for a review, GithubPrComment for a conversation or diff comment.
      if (first) expect(row.first_review_id!.includes('GithubPrReview')).toBe(first.kind === 'review');
    }
  });

  it('names who DevLake took as the first reviewer: codecov[bot] on 5 of the 10 PRs that have one', () => {
    const firsts = records
      .filter((r) => r.mergedAt)
      .flatMap((r) => {
        const first = devlakePullRequest(r, null)!.firstReview;
        return first ? [[r.number, first.author, first.kind] as const] : [];
      });
    expect(firsts).toEqual([
      [4, 'codecov[bot]', 'conversation'],
      [13, 'panjf2000', 'conversation'],
      [14, 'codecov[bot]', 'conversation'],
      [15, 'codecov[bot]', 'conversation'],
      [19, 'codecov[bot]', 'conversation'],
      [23, 'codecov[bot]', 'conversation'],
      [40, 'panjf2000', 'diff'],
      // golangcibot is a User account by GitHub's type; a diff comment, not a review.
      [41, 'golangcibot', 'diff'],
      [51, 'panjf2000', 'review'],
      [53, 'panjf2000', 'review'],
    ]);
  });
});

describe('the same PRs under our default definitions', () => {
  const merged = records.filter((r) => r.mergedAt);

  it('lists the PRs whose first review differs from DevLake, and why', () => {
    // Ours: the earliest submitted review by a human other than the author. Comments are not reviews
    // and bots never review. Only PRs 41, 51 and 53 have reviews at all (30 in the fixture).
    const differences = merged.flatMap((r) => {
      const theirs = devlakePullRequest(r, null)!.firstReview;
      const ours = pullRequestTimestamps(r, DEFAULT_OPTIONS).firstReviewAt;
      if ((theirs?.at.getTime() ?? null) === (ours?.getTime() ?? null)) return [];
      const devlakeSide = theirs!.author?.endsWith('[bot]') ? `${theirs!.author} comment (a bot)` : `${theirs!.author}'s ${theirs!.kind} comment (not a review)`;
      return [[r.number, devlakeSide, ours?.toISOString() ?? 'no human review'] as const];
    });
    expect(differences).toEqual([
      [4, 'codecov[bot] comment (a bot)', 'no human review'],
      [13, "panjf2000's conversation comment (not a review)", 'no human review'],
      [14, 'codecov[bot] comment (a bot)', 'no human review'],
      [15, 'codecov[bot] comment (a bot)', 'no human review'],
      [19, 'codecov[bot] comment (a bot)', 'no human review'],
      [23, 'codecov[bot] comment (a bot)', 'no human review'],
      [40, "panjf2000's diff comment (not a review)", 'no human review'],
      // #41 is choleraehyq's PR: their own reviews do not count; panjf2000 reviewed at 09:19:55.
      [41, "golangcibot's diff comment (not a review)", '2019-08-20T09:19:55.000Z'],
    ]);
  });

  it('gives those PRs no pickup, or a later one, and agrees with DevLake on 51 and 53 but for rounding', () => {
    const ours = byNumber(pullRequestMetrics(records, everything, optionsFor('default')).pickup.members);
    const devlake = byNumber(pullRequestMetrics(records, everything, optionsFor('devlake')).pickup.members);
    // Pickup is attributed to first_review_at: a PR with no human review is in no period's pickup.
    expect([4, 13, 14, 15, 19, 23, 40].filter((n) => ours.has(n))).toEqual([]);
    expect([4, 13, 14, 15, 19, 23, 40].filter((n) => devlake.has(n))).toEqual([4, 13, 14, 15, 19, 23, 40]);
    // #41: created 03:24:27. DevLake: golangcibot's diff comment 03:25:26 → 59 s → 1 min.
    // Ours: panjf2000's review 09:19:55 → 5 h 55 min 28 s = 21328 s.
    expect(devlake.get(41)!.seconds).toBe(60);
    expect(ours.get(41)!.seconds).toBe(21328);
    // #51: created 08:46:23 → panjf2000's review 12:07:36 = 3 h 21 min 13 s = 12073 s; DevLake rounds up to 202 min.
    expect(ours.get(51)!.seconds).toBe(12073);
    expect(devlake.get(51)!.seconds).toBe(202 * 60);
    // #53: created 08:17:20 → review 16:56:26 = 8 h 39 min 6 s = 31146 s; DevLake 520 min.
    expect(ours.get(53)!.seconds).toBe(31146);
    expect(devlake.get(53)!.seconds).toBe(520 * 60);
  });

  it('lists the PRs where DevLake has no coding time and ours has one, and why', () => {
    // DevLake: coding = first commit → created, null without commits or when the first commit is
    // later. Ours: start_at = min(first_commit_at, created_at), first_commit_at = created_at without
    // commits, so coding = ready_at − start_at = 0 for all of these.
    const ours = byNumber(pullRequestMetrics(records, everything, optionsFor('default')).coding.members);
    const differences = merged.flatMap((r) => {
      const theirs = devlakePullRequest(r, null)!;
      if (theirs.coding.minutes !== null) return [];
      const why = theirs.firstCommitAt === null ? 'no commits' : 'first commit after creation';
      return [[r.number, why, ours.get(r.number)!.seconds] as const];
    });
    expect(differences).toEqual([
      [4, 'first commit after creation', 0],
      [13, 'no commits', 0],
      [14, 'no commits', 0],
      [15, 'no commits', 0],
      [19, 'no commits', 0],
      [39, 'no commits', 0],
      [114, 'first commit after creation', 0],
    ]);
  });
});
