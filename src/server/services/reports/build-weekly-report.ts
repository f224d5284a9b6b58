/**
 * The weekly report of a scope: the week's headline numbers against the week before and the four
 * weeks before it, per repository, what needs attention, the slowest PRs, and a summary in words.
 * One load for the scope's five weeks (and one per repository), then pure summaries.
 */
import { weeksBefore } from '@/metrics/weeks';
import type { MetricKey } from '@/metrics/catalogue';
import { coverageChange, levelsOf, meanLevels } from '@/metrics/coverage/coverage-change';
import type { RepositoryLevel } from '@/metrics/coverage/coverage-metrics';
import { formatChange, formatMetricValue } from '@/formatting/metric-values';
import type { TeamSettings } from '@/config/teams-file';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import { listAgreements } from '../agreements/list-agreements';
import { attentionOf } from '../metrics/get-team-health';
import type { ComputedMetrics } from '../metrics/compute-metrics';
import { metricContext } from '../metrics/metric-context';
import { metricView } from '../metrics/metric-views';
import { METRIC_REGISTRY, metricsShownIn } from '../metrics/registry/metric-registry';
import { ZMetricsQuery } from '../metrics/metrics-query.types';
import { reportWeek } from './report-week';
import type { ReportHeadline, WeeklyReport } from '@/reports/weekly-report.types';

/** The headline numbers, in their order (each metric's `shownIn.report`). */
export const REPORT_METRICS: readonly MetricKey[] = metricsShownIn('report');

/** The per-repository table's columns (each metric's `shownIn.reportByRepository`). */
export const REPOSITORY_METRICS: readonly MetricKey[] = metricsShownIn('reportByRepository');

export interface WeeklyReportInput {
  /** `2026-W45`; absent: the last complete week. */
  week?: string;
  repos?: string[];
  team?: string;
  authors?: string[];
  preset?: 'default' | 'devlake';
}

const difference = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null);

function mean(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

/** At most three improvements and three regressions against the previous week, largest relative change first. */
export function summarise(headlines: readonly ReportHeadline[]): string[] {
  const moved = headlines
    .filter((h) => h.improved !== null && h.previousWeek !== null && h.previousWeek !== 0 && h.changeVsPreviousWeek !== null)
    .map((h) => ({ h, relative: h.changeVsPreviousWeek! / Math.abs(h.previousWeek!) }))
    .sort((a, b) => Math.abs(b.relative) - Math.abs(a.relative));
  // Repository names come from GitHub and are escaped by each format: the sentence only counts them.
  const leftOut = (h: ReportHeadline) =>
    h.changeLeftOut.length ? `, over the same repositories (${h.changeLeftOut.length} left out, named under the headline numbers)` : '';
  const sentence = ({ h, relative }: (typeof moved)[number]) =>
    `${h.label} ${h.improved ? 'improved' : 'got worse'}: ${formatMetricValue(h.unit, h.value)}, ${formatChange(h.unit, h.changeVsPreviousWeek)} (${relative > 0 ? '+' : '−'}${Math.round(Math.abs(relative) * 100)} %) against the previous week${leftOut(h)}.`;
  const better = moved
    .filter((m) => m.h.improved)
    .slice(0, 3)
    .map(sentence);
  const worse = moved
    .filter((m) => !m.h.improved)
    .slice(0, 3)
    .map(sentence);
  if (better.length === 0 && worse.length === 0) return ['No headline number moved against the previous week, or there was nothing to compare.'];
  return [...better, ...worse];
}

/**
 * Changes over the same repositories (coverage; docs/metrics.md#all-repositories): against the
 * previous week, each repository's level then; against the four weeks before, its own mean level
 * over them. The repositories left out of either change are named.
 */
function sameRepositoryChanges(
  levelsAt: (c: ComputedMetrics) => readonly RepositoryLevel[],
  weeks: readonly ComputedMetrics[],
  repoNames: ReadonlyMap<number, string>,
) {
  const levels = weeks.map(levelsAt);
  const now = levelsOf(levels.at(-1)!);
  const previous = coverageChange(levelsOf(levels.at(-2)!), now);
  const average = coverageChange(meanLevels(levels.slice(0, 4)), now);
  const leftOut = [...new Set([...previous.leftOut, ...average.leftOut])].map((id) => repoNames.get(id) ?? `repository ${id}`).sort();
  return { change: previous.change, changeVsAverage: average.change, leftOut };
}

export async function buildWeeklyReport(
  db: Db,
  input: WeeklyReportInput,
  settings: MetricSettings,
  now: Date,
  githubUrl: string,
  teams: Record<string, TeamSettings> = {},
): Promise<WeeklyReport> {
  const week = reportWeek(input.week, now, settings.timeZone);
  const before = weeksBefore(week, 4, settings.timeZone);
  const query = ZMetricsQuery.parse({ from: week.from, to: week.to, repos: input.repos, team: input.team, authors: input.authors, preset: input.preset });
  // As of the week's end (docs/metrics.md#weeks-and-reports): what was waiting, red or open then, with
  // its age then, from the facts as they stood then; so a past week reads the same whenever it is made.
  const asOf = week.to < now ? week.to : now;
  const context = await metricContext(db, query, settings, now, { earliest: before[0]!.from, asOf });
  const { options } = context.scope;
  const weeks = [...before, week].map((w) => context.compute(w));
  const current = weeks.at(-1)!;
  const pull = (repo: string, number: number) => `${githubUrl}/${repo}/pull/${number}`;

  const headlines = REPORT_METRICS.map((key): ReportHeadline => {
    const views = weeks.map((c) => metricView(key, c, options, context.repoNames));
    const latest = views.at(-1)!.headline;
    const previousWeek = views.at(-2)!.headline.value;
    const { definition, band, levels } = METRIC_REGISTRY[key];
    const average = mean(views.slice(0, 4).map((v) => v.headline.value));
    const { change, changeVsAverage, leftOut } = levels
      ? sameRepositoryChanges(levels, weeks, context.repoNames)
      : { change: difference(latest.value, previousWeek), changeVsAverage: difference(latest.value, average), leftOut: [] };
    return {
      key,
      label: definition.label,
      unit: definition.unit,
      better: definition.better,
      formula: definition.formula,
      value: latest.value,
      p90: latest.p90,
      n: latest.n,
      previousWeek,
      changeVsPreviousWeek: change,
      changeLeftOut: leftOut,
      fourWeekAverage: average,
      changeVsFourWeekAverage: changeVsAverage,
      improved: change === null || change === 0 ? null : definition.better === 'lower' ? change < 0 : change > 0,
      band: band ? current.delivery.bands[band] : null,
      trend: views.map((v, i) => ({ week: [...before, week][i]!.key, value: v.headline.value })),
    };
  });

  const repositories = [];
  for (const repo of context.scope.repos) {
    const own = await metricContext(db, { ...query, repos: [repo.fullName] }, settings, now, { earliest: before.at(-1)!.from, asOf });
    const [lastWeek, thisWeek] = [own.compute(before.at(-1)!), own.compute(week)];
    repositories.push({
      repo: repo.fullName,
      url: `${githubUrl}/${repo.fullName}`,
      metrics: REPOSITORY_METRICS.map((key) => {
        const h = metricView(key, thisWeek, options, own.repoNames).headline;
        return { key, value: h.value, p90: h.p90, n: h.n, previousWeek: metricView(key, lastWeek, options, own.repoNames).headline.value };
      }),
    });
  }

  const attention = attentionOf(current, context);
  // The report's team's agreements; a report of everyone shows every team's. A team without agreements shows none.
  const noAgreements = !!input.authors?.length || (input.team !== undefined && !teams[input.team]);
  const teamAgreements = noAgreements
    ? []
    : await listAgreements(db, { from: week.from, to: week.to, repos: input.repos, team: input.team }, settings, teams, now, githubUrl, before.at(-1));
  return {
    version: 1,
    week: { key: week.key, from: week.from, to: week.to },
    timeZone: settings.timeZone,
    generatedAt: now,
    preset: query.preset,
    scope: { repos: context.scope.repos.map((r) => r.fullName), team: query.authors?.length ? null : (query.team ?? null), authors: context.scope.authors },
    summary: summarise(headlines),
    headlines,
    repositories,
    attention: {
      waitingForFirstReview: attention.awaitingFirstReview
        .slice(0, 10)
        .map((p) => ({ repo: p.repo, number: p.number, title: p.title, author: p.author, url: pull(p.repo, p.number), waitingSeconds: p.ageSeconds })),
      waitingReviewRequests: attention.waitingReviewRequests.slice(0, 10).map((r) => ({
        repo: r.repo,
        number: r.number,
        title: r.title,
        author: r.author,
        url: pull(r.repo, r.number),
        reviewer: r.reviewer,
        waitingSeconds: r.ageSeconds,
      })),
      redDefaultBranches: attention.redBranches.map((r) => ({
        repo: r.repo,
        workflow: r.workflow,
        since: r.since,
        url: `${githubUrl}/${r.repo}/actions/runs/${r.runId}`,
      })),
      coverageDrops: attention.coverageDrops.map((d) => ({
        repo: d.repo,
        fromPct: d.fromPct,
        toPct: d.toPct,
        change: d.change,
        url: `${githubUrl}/${d.repo}/commit/${d.sha}`,
      })),
      unreviewedMerges: current.pullRequests.unreviewedMerges.members
        .filter((m) => m.unreviewedMerge)
        .map((m) => ({ repo: m.repo, number: m.number, title: m.title, author: m.author, url: pull(m.repo, m.number), mergedAt: m.mergedAt })),
    },
    agreements: teamAgreements
      .filter((t) => t.agreements.length > 0)
      .map((t) => ({
        team: t.team,
        agreements: t.agreements.map((a) => ({
          agreement: a.agreement,
          label: a.label,
          target: a.target,
          adherence: a.current.value,
          met: a.current.met,
          applied: a.current.applied,
          previousWeek: a.previous.value,
          changeVsPreviousWeek: difference(a.current.value, a.previous.value),
          breaches: a.breaches.slice(0, 10).map((b) => ({ name: b.name, title: b.title, reviewer: b.reviewer, measured: b.measured, url: b.url })),
        })),
      })),
    slowestPullRequests: current.pullRequests.cycle.members
      .filter((m) => m.seconds !== null)
      .sort((a, b) => b.seconds! - a.seconds!)
      .slice(0, 5)
      .map((m) => ({
        repo: m.repo,
        number: m.number,
        title: m.title,
        author: m.author,
        url: pull(m.repo, m.number),
        cycleSeconds: m.seconds!,
        mergedAt: m.timestamps.mergedAt,
      })),
  };
}
