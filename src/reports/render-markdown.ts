/** The report as Markdown that pastes well into Slack, GitHub and Confluence. */
import { formatChange, formatDuration, formatMetricValue, formatPercent, formatRatio } from '@/formatting/metric-values';
import { METRIC_CATALOGUE } from '@/metrics/catalogue';
import type { WeeklyReport } from '@/reports/weekly-report.types';
import { escapeMarkdown as md, safeUrl } from './escape';
import { leftOutNotes, reportTitle, scopeText } from './report-text';
import { sparklineText } from './sparkline-text';

const BAND = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' } as const;

const prLink = (p: { repo: string; number: number; title: string; url: string }) => `[${md(p.repo)}#${p.number}](${safeUrl(p.url)}) ${md(p.title)}`;

export function renderMarkdown(report: WeeklyReport): string {
  const lines: string[] = [`# ${md(reportTitle(report))}`, '', `_${md(scopeText(report))}_`, ''];
  // The summary is our own words about our own numbers: nothing from GitHub to escape.
  lines.push('## Summary', '', ...report.summary.map((s) => `- ${s}`), '');

  lines.push(
    '## Headline numbers',
    '',
    '| Metric | This week | p90 | n | vs previous week | vs 4-week average | DORA band | 5 weeks |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const h of report.headlines) {
    const arrow = h.improved === null ? '' : h.improved ? ' ✅' : ' ⚠️';
    lines.push(
      `| ${md(h.label)} | ${formatMetricValue(h.unit, h.value)} | ${h.unit === 'duration' ? formatMetricValue(h.unit, h.p90) : ''} | ${h.n} | ${formatChange(h.unit, h.changeVsPreviousWeek)}${arrow} | ${formatChange(h.unit, h.changeVsFourWeekAverage)} | ${h.band ? BAND[h.band] : ''} | ${sparklineText(h.trend.map((t) => t.value))} |`,
    );
  }
  lines.push('');
  for (const note of leftOutNotes(report)) lines.push(`_${md(note)}_`, '');

  if (report.repositories.length) {
    const keys = report.repositories[0]!.metrics.map((m) => m.key);
    lines.push(
      '## Per repository',
      '',
      `| Repository | ${keys.map((k) => md(METRIC_CATALOGUE[k].label)).join(' | ')} |`,
      `|---|${keys.map(() => '---').join('|')}|`,
    );
    for (const r of report.repositories) {
      lines.push(`| [${md(r.repo)}](${safeUrl(r.url)}) | ${r.metrics.map((m) => formatMetricValue(METRIC_CATALOGUE[m.key].unit, m.value)).join(' | ')} |`);
    }
    lines.push('');
  }

  const a = report.attention;
  lines.push('## Needs attention', '');
  const section = (title: string, items: string[], empty: string) =>
    lines.push(`**${title}**`, '', ...(items.length ? items.map((i) => `- ${i}`) : [`- ${empty}`]), '');
  section(
    'Waiting for a first review',
    a.waitingForFirstReview.map((p) => `${prLink(p)}, waiting ${formatDuration(p.waitingSeconds)}`),
    'none',
  );
  section(
    'Review requests waiting',
    a.waitingReviewRequests.map((p) => `${prLink(p)}: ${md(p.reviewer)}, ${formatDuration(p.waitingSeconds)}`),
    'none',
  );
  section(
    'Red default branches',
    a.redDefaultBranches.map(
      (r) => `[${md(r.repo)} ${md(r.workflow)}](${safeUrl(r.url)}) red since ${r.since.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ),
    'none',
  );
  section(
    'Coverage drops',
    a.coverageDrops.map((d) => `[${md(d.repo)}](${safeUrl(d.url)}) ${formatPercent(d.fromPct)} → ${formatPercent(d.toPct)}`),
    'none',
  );
  section(
    'Merged without review',
    a.unreviewedMerges.map((p) => prLink(p)),
    'none',
  );

  if (report.agreements.length) {
    lines.push('## Working agreements', '');
    for (const team of report.agreements) {
      lines.push(`**Team ${md(team.team)}**`, '', '| Agreement | This week | Met / applied | Previous week | Change |', '|---|---|---|---|---|');
      for (const a of team.agreements) {
        lines.push(
          `| ${md(a.label)} | ${formatRatio(a.adherence)} | ${a.met} / ${a.applied} | ${formatRatio(a.previousWeek)} | ${formatChange('ratio', a.changeVsPreviousWeek)} |`,
        );
      }
      lines.push('');
      const breaches = team.agreements.flatMap((a) =>
        a.breaches.map(
          (b) =>
            `${md(a.label)}: [${md(b.name)}](${safeUrl(b.url)})${b.title ? ` ${md(b.title)}` : ''}${b.reviewer ? `, ${md(b.reviewer)}` : ''}, ${md(b.measured)}`,
        ),
      );
      if (breaches.length) lines.push('Broken this week:', '', ...breaches.map((b) => `- ${b}`), '');
    }
  }

  lines.push(
    '## Slowest pull requests',
    '',
    ...(report.slowestPullRequests.length
      ? report.slowestPullRequests.map((p) => `- ${prLink(p)}: cycle time ${formatDuration(p.cycleSeconds)}`)
      : ['- none merged']),
    '',
  );
  lines.push(`_Definitions: docs/metrics.md${report.preset === 'devlake' ? " (DevLake's preset)" : ''}. Generated ${report.generatedAt.toISOString()}._`, '');
  return lines.join('\n');
}
