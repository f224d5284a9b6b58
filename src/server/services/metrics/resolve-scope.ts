/**
 * A metric query → what the loaders and metric functions take: repository ids (every named one must
 * be stored), the period, and the options (definitions from the configuration, switches from the
 * query, `now` from the caller).
 */
import type { MetricOptions, Period } from '@/metrics/types';
import type { Db } from '@/server/db/client';
import { listScopeRepositories, type ScopeRepository } from '@/server/db/queries/scope-repositories';
import { AppError } from '@/server/errors';
import type { MetricSettings } from '@/server/metric-settings';
import type { MetricsQuery } from './metrics-query.types';

export interface MetricScope {
  repoIds: number[];
  repos: ScopeRepository[];
  period: Period;
  options: MetricOptions;
  settings: MetricSettings;
  /** Only these authors' PRs (from `authors`, else the team's members); null: everyone. */
  authors: string[] | null;
}

function resolveAuthors(query: MetricsQuery, settings: MetricSettings): string[] | null {
  if (query.authors?.length) return query.authors;
  if (!query.team) return null;
  const members = settings.teams[query.team];
  if (!members) {
    const known = Object.keys(settings.teams);
    throw new AppError(
      'BAD_REQUEST',
      `Unknown team ${query.team}: ${known.length ? `the configured teams are ${known.join(', ')}` : 'no teams are configured (LEADLINE_TEAMS_FILE)'}`,
    );
  }
  return members;
}

export async function resolveScope(db: Db, query: MetricsQuery, settings: MetricSettings, now: Date): Promise<MetricScope> {
  const named = query.repos?.length ? [...new Set(query.repos.map((r) => r.toLowerCase()))] : null;
  const repos = await listScopeRepositories(db, named);
  if (named && repos.length < named.length) {
    const found = new Set(repos.map((r) => r.fullName.toLowerCase()));
    const unknown = named.filter((n) => !found.has(n));
    throw new AppError('BAD_REQUEST', `Unknown repository ${unknown.join(', ')}: not stored (sync it first, or check the spelling)`);
  }
  const authors = resolveAuthors(query, settings);
  return {
    authors,
    repoIds: repos.map((r) => r.id),
    repos,
    period: { from: query.from, to: query.to },
    settings,
    options: {
      now,
      timeZone: settings.timeZone,
      businessTime: query.businessTime,
      includeBots: query.includeBots,
      botLogins: settings.botLogins,
      preset: query.preset,
    },
  };
}
