/** Words every format shares: the title and the scope line. */
import type { WeeklyReport } from '@/reports/weekly-report.types';

const day = (d: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(d);

export function reportTitle(report: WeeklyReport): string {
  return `Delivery report, week ${report.week.key} (${day(report.week.from, report.timeZone)} – ${day(new Date(report.week.to.getTime() - 1), report.timeZone)})`;
}

export function scopeText(report: WeeklyReport): string {
  const who = report.scope.team ? `team ${report.scope.team}` : report.scope.authors ? `PRs by ${report.scope.authors.join(', ')}` : 'everyone';
  return `${report.scope.repos.length} ${report.scope.repos.length === 1 ? 'repository' : 'repositories'} (${report.scope.repos.join(', ')}), ${who}, ${report.timeZone}; bots excluded`;
}

/**
 * One sentence per headline whose changes leave repositories out (coverage compares only the
 * repositories with a value in both weeks). Plain text: each format escapes it, since repository
 * names come from GitHub.
 */
export function leftOutNotes(report: WeeklyReport): string[] {
  return report.headlines
    .filter((h) => h.changeLeftOut.length > 0)
    .map(
      (h) =>
        `${h.label}: the changes compare the same repositories, those with a value this week and in the weeks compared with; left out: ${h.changeLeftOut.join(', ')}.`,
    );
}
