/**
 * The REST endpoints the sync reads: workflow runs and their attempts, deployments and their statuses,
 * releases, labels, issues, issue and review comments, and `/rate_limit`.
 */
import type { HttpHandler } from 'msw';
import { currentBucket, sameName, type FakeContext } from './context';
import type { FakeRepository, FakeWorkflowRun } from './model';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './pagination';
import { DOCS, getRoute, notFound, repoRoute, type RestOutcome } from './rest-http';
import * as payload from './rest-payloads';

/** GitHub caps searches of workflow runs that use these filters at 1,000 results. */
const RUN_SEARCH_FILTERS = ['actor', 'branch', 'check_suite_id', 'created', 'event', 'head_sha', 'status'];
const RUN_SEARCH_CAP = 1000;

/** How many releases GitHub lists; a page past them answers 422 (reported at 1,000, at times 10,000). */
const RELEASES_CAP = 1000;

/** Items before the requested page, as `restPage` reads `page` and `per_page`. */
function pageOffset(url: URL): number {
  const perPage = Number.parseInt(url.searchParams.get('per_page') ?? '', 10);
  const page = Number.parseInt(url.searchParams.get('page') ?? '', 10);
  const size = Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
  return (Number.isFinite(page) && page > 0 ? page - 1 : 0) * size;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function bound(text: string, edge: 'start' | 'end'): number {
  if (DATE_ONLY.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    return edge === 'start' ? start : start + 86_400_000 - 1;
  }
  // A time without a zone is UTC.
  return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`);
}

/**
 * GitHub's search date syntax as `created` takes it: `>=D`, `>D`, `<=D`, `<D`, `A..B` (`*` open),
 * or `D`. A date without a time covers its whole UTC day. Unparseable input matches nothing.
 */
export function dateQualifier(value: string): (iso: string) => boolean {
  const test = (predicate: (t: number) => boolean, ...bounds: number[]) =>
    bounds.some(Number.isNaN) ? () => false : (iso: string) => predicate(Date.parse(iso));
  let m: RegExpMatchArray | null;
  if ((m = value.match(/^>=(.+)$/))) return test((t) => t >= bound(m![1]!, 'start'), bound(m[1]!, 'start'));
  if ((m = value.match(/^>(.+)$/))) return test((t) => t > bound(m![1]!, 'end'), bound(m[1]!, 'end'));
  if ((m = value.match(/^<=(.+)$/))) return test((t) => t <= bound(m![1]!, 'end'), bound(m[1]!, 'end'));
  if ((m = value.match(/^<(.+)$/))) return test((t) => t < bound(m![1]!, 'start'), bound(m[1]!, 'start'));
  if ((m = value.match(/^(.+)\.\.(.+)$/))) {
    const from = m[1] === '*' ? -Infinity : bound(m[1]!, 'start');
    const to = m[2] === '*' ? Infinity : bound(m[2]!, 'end');
    return test((t) => t >= from && t <= to, from, to);
  }
  return test((t) => t >= bound(value, 'start') && t <= bound(value, 'end'), bound(value, 'start'), bound(value, 'end'));
}

type Dated = { id: number; createdAt: string; updatedAt?: string };

/** Newest first by `createdAt`, ties by id: how GitHub lists runs, deployments, statuses and releases. */
function newestFirst<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
}

/**
 * `since` (updated at or after it), then `sort` (created, the default, or updated) and `direction`.
 * Without `direction` the order is `unsorted` when no `sort` was asked, else `sorted`.
 */
function sinceSorted<T extends Dated & { updatedAt: string }>(items: readonly T[], url: URL, unsorted: 'asc' | 'desc', sorted: 'asc' | 'desc'): T[] {
  const since = url.searchParams.get('since');
  const sinceTime = since ? Date.parse(since) : Number.NaN;
  const kept = Number.isNaN(sinceTime) ? [...items] : items.filter((i) => Date.parse(i.updatedAt) >= sinceTime);
  const sortParam = url.searchParams.get('sort');
  const field = sortParam === 'updated' ? 'updatedAt' : 'createdAt';
  const direction = url.searchParams.get('direction') ?? (sortParam ? sorted : unsorted);
  const sign = direction === 'asc' ? 1 : -1;
  return kept.sort((a, b) => sign * (Date.parse(a[field]) - Date.parse(b[field]) || a.id - b.id));
}

/** run_number counts a workflow's runs in creation order. */
function runNumbers(repo: FakeRepository): Map<number, number> {
  const numbers = new Map<number, number>();
  const counters = new Map<number, number>();
  for (const run of [...repo.workflowRuns].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id)) {
    const next = (counters.get(run.workflowId) ?? 0) + 1;
    counters.set(run.workflowId, next);
    numbers.set(run.id, next);
  }
  return numbers;
}

function ok(body: unknown, link?: string): RestOutcome {
  return { status: 200, body, link };
}

export function restHandlers(ctx: FakeContext): HttpHandler[] {
  const scope = () => ({ org: ctx.org, urls: ctx.urls });
  const runPayload = (repo: FakeRepository, run: FakeWorkflowRun, numbers = runNumbers(repo)) =>
    payload.workflowRun(scope(), repo, run, numbers.get(run.id) ?? 1);

  return [
    getRoute(ctx, '/rate_limit', () => ok(payload.rateLimitOverview(currentBucket(ctx.bucket('core')), currentBucket(ctx.bucket('graphql')))), {
      free: true,
    }),

    ...repoRoute(ctx, '/actions/runs', ({ repo, url, page }) => {
      const q = url.searchParams;
      let runs = newestFirst(repo.workflowRuns);
      const created = q.get('created');
      if (created) {
        const matches = dateQualifier(created);
        runs = runs.filter((r) => matches(r.createdAt));
      }
      if (q.get('branch')) runs = runs.filter((r) => r.headBranch === q.get('branch'));
      if (q.get('event')) runs = runs.filter((r) => r.event === q.get('event'));
      if (q.get('head_sha')) runs = runs.filter((r) => r.headSha === q.get('head_sha'));
      const status = q.get('status');
      if (status) runs = runs.filter((r) => r.status === status || r.conclusion === status);
      const total = runs.length;
      if (RUN_SEARCH_FILTERS.some((f) => q.has(f))) runs = runs.slice(0, RUN_SEARCH_CAP);
      const numbers = runNumbers(repo);
      const { items, link } = page(runs);
      return ok({ total_count: total, workflow_runs: items.map((r) => runPayload(repo, r, numbers)) }, link);
    }),

    ...repoRoute(ctx, '/actions/runs/:runId', ({ repo, params }) => {
      const run = repo.workflowRuns.find((r) => r.id === Number(params.runId));
      return run ? ok(runPayload(repo, run)) : notFound();
    }),

    ...repoRoute(ctx, '/actions/runs/:runId/attempts/:attempt', ({ repo, params }) => {
      const run = repo.workflowRuns.find((r) => r.id === Number(params.runId));
      const n = Number(params.attempt);
      if (!run) return notFound();
      const number = runNumbers(repo).get(run.id) ?? 1;
      if (n === run.runAttempt) return ok(payload.workflowRun(scope(), repo, run, number));
      const attempt = run.previousAttempts.find((a) => a.attempt === n);
      return attempt ? ok(payload.workflowRun(scope(), repo, run, number, attempt)) : notFound();
    }),

    ...repoRoute(ctx, '/deployments', ({ repo, url, page }) => {
      let deployments = newestFirst(repo.deployments);
      for (const [param, field] of [
        ['environment', 'environment'],
        ['sha', 'sha'],
        ['ref', 'ref'],
        ['task', 'task'],
      ] as const) {
        const value = url.searchParams.get(param);
        if (value != null) deployments = deployments.filter((d) => d[field] === value);
      }
      const { items, link } = page(deployments);
      return ok(
        items.map((d) => payload.deployment(scope(), repo, d)),
        link,
      );
    }),

    ...repoRoute(ctx, '/deployments/:deploymentId', ({ repo, params }) => {
      const deployment = repo.deployments.find((d) => d.id === Number(params.deploymentId));
      return deployment ? ok(payload.deployment(scope(), repo, deployment)) : notFound();
    }),

    ...repoRoute(ctx, '/deployments/:deploymentId/statuses', ({ repo, params, page }) => {
      const deployment = repo.deployments.find((d) => d.id === Number(params.deploymentId));
      if (!deployment) return notFound();
      const { items, link } = page(newestFirst(deployment.statuses));
      return ok(
        items.map((s) => payload.deploymentStatus(scope(), repo, deployment, s)),
        link,
      );
    }),

    ...repoRoute(ctx, '/releases', ({ repo, url, page }) => {
      // GitHub serves only the newest 1,000 releases: a page starting past them is refused.
      if (pageOffset(url) >= RELEASES_CAP) {
        return {
          status: 422,
          body: {
            message: `Only the first ${RELEASES_CAP} results are available.`,
            documentation_url: `${DOCS}/releases/releases#list-releases`,
            status: '422',
          },
        };
      }
      const { items, link } = page(newestFirst(repo.releases));
      return ok(
        items.map((r) => payload.release(scope(), repo, r)),
        link,
      );
    }),

    ...repoRoute(ctx, '/labels', ({ repo, page }) => {
      const { items, link } = page(repo.labels);
      return ok(
        items.map((name) => payload.label(scope(), repo, name)),
        link,
      );
    }),

    ...repoRoute(ctx, '/issues', ({ repo, url, page }) => {
      const q = url.searchParams;
      const state = q.get('state') ?? 'open';
      let issues = repo.issues.filter((i) => state === 'all' || i.state === state);
      const labels = (q.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      issues = issues.filter((i) => labels.every((want) => i.labels.some((l) => sameName(l, want))));
      const creator = q.get('creator');
      if (creator) issues = issues.filter((i) => i.authorLogin != null && sameName(i.authorLogin, creator));
      // Issues default to newest created first; comments to oldest first.
      const sorted = sinceSorted(issues, url, 'desc', 'desc');
      const commentCounts = new Map<number, number>();
      for (const c of repo.issueComments) commentCounts.set(c.issueNumber, (commentCounts.get(c.issueNumber) ?? 0) + 1);
      const { items, link } = page(sorted);
      return ok(
        items.map((i) => payload.issue(scope(), repo, i, commentCounts.get(i.number) ?? 0)),
        link,
      );
    }),

    ...repoRoute(ctx, '/issues/comments', ({ repo, url, page }) => {
      const { items, link } = page(sinceSorted(repo.issueComments, url, 'asc', 'desc'));
      return ok(
        items.map((c) => payload.issueComment(scope(), repo, c)),
        link,
      );
    }),

    ...repoRoute(ctx, '/pulls/comments', ({ repo, url, page }) => {
      const { items, link } = page(sinceSorted(repo.reviewComments, url, 'asc', 'desc'));
      return ok(
        items.map((c) => payload.reviewComment(scope(), repo, c)),
        link,
      );
    }),
  ];
}
