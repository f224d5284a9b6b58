/** The page title with what the numbers cover: the period, the zone, the definitions, the switches. */
import type { TeamHealth } from '@/server/services/metrics/team-health.types';

const day = (d: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(d);

export function PeriodHeading({ title, health, timeZone }: { title: string; health: TeamHealth; timeZone: string }) {
  const lastDay = new Date(health.period.to.getTime() - 1);
  const notes = [
    health.team ? `team ${health.team} (${health.authors?.length ?? 0} people)` : health.authors ? `PRs by ${health.authors.join(', ')}` : null,
    health.preset === 'devlake' ? "DevLake's definitions" : null,
    health.includeBots ? 'bot PRs included' : 'bots excluded',
    health.businessTime ? 'business time (weekends not counted)' : null,
  ].filter(Boolean);
  return (
    <header className="page-heading">
      <h1>{title}</h1>
      <p className="muted">
        {day(health.period.from, timeZone)} – {day(lastDay, timeZone)} ({timeZone}) · {health.repos.length}{' '}
        {health.repos.length === 1 ? 'repository' : 'repositories'} · {notes.join(' · ')} · compared with {day(health.previousPeriod.from, timeZone)} –{' '}
        {day(new Date(health.previousPeriod.to.getTime() - 1), timeZone)}
      </p>
    </header>
  );
}
