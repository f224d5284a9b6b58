/**
 * What every dashboard page starts from: the filters read from the URL, the configured zone and
 * GitHub web address, the stored repositories, and the metrics query the filters select. A bad
 * filter comes back as a reason to show, never as a default silently put in its place.
 */
import { TRPCError } from '@trpc/server';
import { githubWebUrl } from '@/config/github-web-url';
import { loadConfig } from '@/config/env';
import { getServerCaller } from '@/server/api/server-caller';
import { localDay, metricsQueryOf, parseDashboardFilters, periodOf, type DashboardFilters, type SearchParams } from '@/ui/filters/dashboard-filters';

export type DashboardLoad =
  | { kind: 'empty' }
  | { kind: 'bad-filters'; reason: string }
  | {
      kind: 'ready';
      filters: DashboardFilters;
      now: Date;
      timeZone: string;
      githubUrl: string;
      repositories: string[];
      teams: string[];
      period: { from: Date; to: Date };
      shown: { from: string; to: string };
      query: ReturnType<typeof metricsQueryOf>;
    };

export async function loadDashboard(search: SearchParams): Promise<DashboardLoad> {
  const caller = getServerCaller();
  const list = await caller.repositories.list();
  if (list.repositories.length === 0) return { kind: 'empty' };
  const parsed = parseDashboardFilters(search);
  if (!parsed.ok) return { kind: 'bad-filters', reason: parsed.reason };
  const { filters } = parsed;
  const config = loadConfig();
  const now = new Date();
  const period = periodOf(filters, now, config.timeZone);
  return {
    kind: 'ready',
    filters,
    now,
    timeZone: config.timeZone,
    githubUrl: githubWebUrl(config.github.apiUrl),
    repositories: list.repositories.map((r) => r.fullName),
    teams: Object.keys(config.teams).sort(),
    period,
    shown: { from: localDay(period.from, config.timeZone), to: localDay(new Date(period.to.getTime() - 1), config.timeZone) },
    query: metricsQueryOf(filters, period),
  };
}

/** The page's data, or the reason the API rejected its filters (an unknown repository in the URL, say). */
export async function dataOrReason<T>(fetch: Promise<T>): Promise<{ ok: true; data: T } | { ok: false; reason: string }> {
  try {
    return { ok: true, data: await fetch };
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return { ok: false, reason: error.message };
    throw error;
  }
}
