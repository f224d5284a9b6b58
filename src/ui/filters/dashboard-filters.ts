/**
 * The dashboard's filters live in the URL, so any view can be bookmarked and shared. One schema
 * reads them (a bad value is rejected with the reason, never silently replaced), one function
 * writes them back (defaults left out, so links stay short), and `periodOf` turns the period filter
 * into instants in the configured time zone.
 *
 *   ?period=4w                      the last 4 complete ISO weeks (default); 1w, 12w, 26w, 52w
 *   ?from=2026-10-01&to=2026-10-31  a custom range of whole days, both inclusive
 *   &repos=acme/api,acme/web  &team=platform  &author=alice
 *   &bots=1 (include bot-authored PRs)  &business=1 (business time)  &preset=devlake
 *   &explain=cycleTime[&week=2026-W45]   the explanation panel of one number (or one chart point)
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks } from 'date-fns';
import { z } from 'zod';
import { weekFromKey, weekOf } from '@/metrics/weeks';
import { CALENDAR_BOUNDS_MESSAGE, isYearInBounds } from '@/metrics/calendar-bounds';
import { METRIC_KEYS } from '@/metrics/catalogue';

// In the browser, zod must not compile parsers with `new Function`: the pages' Content Security
// Policy forbids eval (src/server/http/security-headers.ts), and even zod's probe for it is a
// reported violation. Set before the schemas below are built, which is when zod decides.
if (typeof window !== 'undefined') z.config({ jitless: true });

export const PERIOD_PRESETS = ['1w', '4w', '12w', '26w', '52w'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PERIOD: PeriodPreset = '4w';

/** `2026-02-30` parses (as 2 March) in JavaScript: a day is real when it survives the round trip. */
function isCalendarDay(s: string): boolean {
  const at = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === s;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'not a calendar date')
  .refine((s) => isYearInBounds(Number(s.slice(0, 4))), CALENDAR_BOUNDS_MESSAGE);
const flag = z.enum(['0', '1'], { message: 'use 0 or 1' });
const repoList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'use owner/name, comma-separated')).max(500));

export const ZDashboardFilters = z
  .object({
    period: z.enum(PERIOD_PRESETS, { message: `use one of ${PERIOD_PRESETS.join(', ')}` }).optional(),
    from: day.optional(),
    to: day.optional(),
    repos: repoList.optional(),
    team: z
      .string()
      .regex(/^[\w.-]+$/, 'a team slug')
      .max(100)
      .optional(),
    author: z
      .string()
      .regex(/^[\w.[\]-]+$/, 'a GitHub login')
      .max(100)
      .optional(),
    bots: flag.optional(),
    business: flag.optional(),
    preset: z.enum(['default', 'devlake'], { message: 'use default or devlake' }).optional(),
    explain: z.enum(METRIC_KEYS, { message: 'not a metric' }).optional(),
    week: z
      .string()
      .regex(/^\d{4}-W\d{2}$/, 'use an ISO week like 2026-W45')
      .refine((s) => isYearInBounds(Number(s.slice(0, 4))), CALENDAR_BOUNDS_MESSAGE)
      .optional(),
  })
  .refine((f) => (f.from === undefined) === (f.to === undefined), { message: 'give both from and to, or neither', path: ['from'] })
  .refine((f) => !(f.from && f.to && f.from > f.to), { message: 'from must not be after to', path: ['to'] })
  .refine((f) => !(f.period && f.from), { message: 'give a period or a from/to range, not both', path: ['period'] })
  .refine((f) => !(f.week && !f.explain), { message: 'week only goes with explain', path: ['week'] });

export type DashboardFilters = z.output<typeof ZDashboardFilters>;

export type SearchParams = Record<string, string | string[] | undefined>;

export type ParsedFilters = { ok: true; filters: DashboardFilters } | { ok: false; reason: string };

/** The filters of a page's search params; unknown parameters are ignored, bad values rejected with the reason. */
export function parseDashboardFilters(search: SearchParams | URLSearchParams): ParsedFilters {
  const entries: Record<string, string> = {};
  const source = search instanceof URLSearchParams ? [...search.entries()] : Object.entries(search);
  for (const [key, value] of source) {
    if (value === undefined) continue;
    // A repeated parameter is ambiguous; the first one is taken, as URLSearchParams.get does.
    entries[key] = Array.isArray(value) ? (value[0] ?? '') : value;
  }
  const parsed = ZDashboardFilters.safeParse(entries);
  if (parsed.success) return { ok: true, filters: parsed.data };
  return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'filters'}: ${i.message}`).join('; ') };
}

/** The filters as a query string (`?…`, or '' when all are defaults), in a stable order. */
export function filtersToSearch(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  if (filters.from && filters.to) {
    params.set('from', filters.from);
    params.set('to', filters.to);
  } else if (filters.period && filters.period !== DEFAULT_PERIOD) {
    params.set('period', filters.period);
  }
  if (filters.repos?.length) params.set('repos', filters.repos.join(','));
  if (filters.team) params.set('team', filters.team);
  if (filters.author) params.set('author', filters.author);
  if (filters.bots === '1') params.set('bots', '1');
  if (filters.business === '1') params.set('business', '1');
  if (filters.preset === 'devlake') params.set('preset', 'devlake');
  if (filters.explain) params.set('explain', filters.explain);
  if (filters.explain && filters.week) params.set('week', filters.week);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The filters with some changed; `undefined` removes one. Changing the period drops the other form. */
export function withFilters(filters: DashboardFilters, patch: Partial<DashboardFilters>): DashboardFilters {
  const next = { ...filters, ...patch };
  if ('period' in patch && patch.period) {
    delete next.from;
    delete next.to;
  }
  if ('from' in patch && patch.from) delete next.period;
  if (!next.explain) delete next.week;
  return next;
}

/** The period the filters select, `[from, to)`, in `timeZone`, relative to `now`. */
export function periodOf(filters: DashboardFilters, now: Date, timeZone: string): { from: Date; to: Date } {
  if (filters.from && filters.to) {
    const [fy, fm, fd] = filters.from.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = filters.to.split('-').map(Number) as [number, number, number];
    const from = new TZDate(fy, fm - 1, fd, 0, 0, 0, timeZone);
    const to = addDays(new TZDate(ty, tm - 1, td, 0, 0, 0, timeZone), 1);
    return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
  }
  const weeks = Number((filters.period ?? DEFAULT_PERIOD).slice(0, -1));
  const end = weekOf(now, timeZone).from;
  return { from: new Date(addWeeks(new TZDate(end.getTime(), timeZone), -weeks).getTime()), to: end };
}

/** The period an explanation covers: the chart point's week when one is named, else the filters' period. */
export function explainPeriodOf(filters: DashboardFilters, now: Date, timeZone: string): { from: Date; to: Date } | null {
  if (!filters.week) return periodOf(filters, now, timeZone);
  const week = weekFromKey(filters.week, timeZone);
  return week ? { from: week.from, to: week.to } : null;
}

/** The metrics query (tRPC input) the filters select over `period`. An author wins over a team. */
export function metricsQueryOf(filters: DashboardFilters, period: { from: Date; to: Date }) {
  return {
    from: period.from,
    to: period.to,
    repos: filters.repos,
    authors: filters.author ? [filters.author] : undefined,
    team: filters.author ? undefined : filters.team,
    includeBots: filters.bots === '1',
    businessTime: filters.business === '1',
    preset: filters.preset ?? 'default',
  };
}

/** `YYYY-MM-DD` of an instant in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}
