/**
 * One repository, end to end: plan the PRs (random flow plus scripted scenarios) and issues, number
 * them, cut them at `now`, replay the default branch, then derive what hangs off it: CI runs,
 * deployments or releases, coverage, incidents and comments. Each step reads only what the earlier
 * ones produced, so the order below is the data flow.
 */
import type { FakePullRequest, FakeRepository, FakeWorkflowRun } from '../model';
import { ciRuns } from './ci';
import { DAY, iso } from './clock';
import { botComments, issueCommentsWithIds, reviewCommentsWithIds } from './comments';
import { type RepoContext, type World, repoContext } from './context';
import { addCoverage } from './coverage';
import { deployWorkflowRuns } from './deploy-workflow';
import { githubDeployments } from './deployments';
import { buildHistory } from './history';
import { materializeIssues, planIssues } from './issues';
import { materializePr, settleUpdatedAt } from './materialize-pr';
import { plannedStories } from './plan';
import { releases as releasesFor } from './releases';
import type { RepoProfile } from './repos';
import { scriptedStories } from './scenarios';
import { type DeliveryFacts, reportTruth } from './truth-record';
import { assignRunIds } from './workflow-runs';

const DEFAULT_LABELS = ['bug', 'documentation', 'enhancement', 'good first issue', 'question', 'wontfix'];

export function isHotfix(pr: FakePullRequest): boolean {
  return pr.labels.some((l) => /hotfix/i.test(l)) || /hotfix/i.test(pr.headRef);
}

/** PRs and issues share one number sequence, in order of creation. */
function number(ctx: RepoContext, items: { createdAt: number; number: number }[]): void {
  [...items]
    .sort((a, b) => a.createdAt - b.createdAt)
    .forEach((item, i) => {
      item.number = ctx.profile.firstNumber + i;
    });
}

function firstAtOrAfter(sorted: number[], t: number): number | null {
  return sorted.find((x) => x >= t) ?? null;
}

export function generateRepository(world: World, profile: RepoProfile): FakeRepository {
  const ctx = repoContext(world, profile);
  const { ids, now } = ctx;
  const id = ids.next('repository');

  const scripted = scriptedStories(ctx);
  const stories = [...plannedStories(ctx), ...scripted.stories].filter((s) => s.createdAt <= now);
  const issuePlans = planIssues(ctx, scripted.incidents).filter((p) => p.createdAt <= now);
  number(ctx, [...stories, ...issuePlans]);
  const prs = stories.sort((a, b) => a.number - b.number).map((s) => materializePr(ctx, s));

  const history = buildHistory(ctx, prs);
  const ci = ciRuns(ctx, prs, history);
  const hotfixMerges = prs.flatMap((m) => (m.pr.mergedAt !== null && isHotfix(m.pr) ? [Date.parse(m.pr.mergedAt)] : []));

  let deployments: FakeRepository['deployments'] = [];
  let releases: FakeRepository['releases'] = [];
  let deployRuns: FakeWorkflowRun[] = [];
  let shipTimes: number[];
  let delivery: DeliveryFacts;
  if (profile.delivery === 'deployments') {
    const out = githubDeployments(ctx, history, ci.results, hotfixMerges);
    deployments = out.deployments;
    shipTimes = out.productionSuccesses;
    delivery = { source: 'deployments', production: out.production };
  } else if (profile.delivery === 'deploy-workflow') {
    const runs = deployWorkflowRuns(ctx, history);
    deployRuns = runs.map((r) => r.facts.run);
    shipTimes = deployRuns.filter((r) => r.conclusion === 'success').map((r) => Date.parse(r.updatedAt));
    delivery = { source: 'workflow', runs };
  } else if (profile.delivery === 'releases') {
    const out = releasesFor(ctx, history, ci.results, hotfixMerges);
    releases = out.releases;
    shipTimes = releases.filter((r) => !r.draft && !r.prerelease && r.publishedAt).map((r) => Date.parse(r.publishedAt as string));
    delivery = { source: 'release', published: out.published };
  } else {
    shipTimes = history
      .slice(1)
      .filter((c) => c.merged)
      .map((c) => c.at);
    delivery = { source: 'merge' };
  }
  shipTimes.sort((a, b) => a - b);

  const coverage = addCoverage(ctx, history, ci.results, prs);
  const issues = materializeIssues(ctx, issuePlans, (t) => firstAtOrAfter(shipTimes, t));

  const prComments = prs.flatMap((m) => {
    const bots = botComments(ctx, m, ci.results);
    settleUpdatedAt(m, now, bots);
    return [...m.issueComments, ...bots];
  });
  const pullRequests = prs.map((m) => m.pr).reverse();
  const labels = new Set([...DEFAULT_LABELS, ...pullRequests.flatMap((p) => p.labels), ...issues.issues.flatMap((i) => i.labels)]);

  const repository: FakeRepository = {
    id,
    nodeId: ids.nodeId('repository', id),
    owner: ctx.owner,
    name: profile.name,
    defaultBranch: profile.defaultBranch,
    isPrivate: true,
    isArchived: false,
    createdAt: iso(now - profile.ageDays * DAY),
    pullRequests,
    defaultBranchCommits: history.map((c) => c.commit).reverse(),
    workflowRuns: assignRunIds([...ci.runs, ...deployRuns], () => ids.next('workflowRun')),
    deployments,
    releases,
    issues: issues.issues,
    labels: [...labels].sort(),
    issueComments: issueCommentsWithIds(ctx, [...prComments, ...issues.comments]),
    reviewComments: reviewCommentsWithIds(
      ctx,
      prs.flatMap((m) => m.reviewComments),
    ),
  };
  // Only generateOrgWithTruth listens; run ids are assigned by now, so the facts can name them.
  reportTruth(() => ({ ctx, prs, history, runs: ci.facts, delivery, incidents: issues.incidents, coverage, prComments }));
  return repository;
}
