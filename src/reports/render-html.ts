/**
 * The report as one self-contained HTML page: inline styles (email clients drop <style> in places,
 * so the essentials are inline too), inline SVG sparklines, no script, no external resource; it
 * prints on A4 without the colours getting lost.
 */
import { formatChange, formatDuration, formatMetricValue, formatPercent, formatRatio } from '@/formatting/metric-values';
import { METRIC_CATALOGUE } from '@/metrics/catalogue';
import type { WeeklyReport } from '@/reports/weekly-report.types';
import { escapeHtml as h, safeUrl } from './escape';
import { leftOutNotes, reportTitle, scopeText } from './report-text';
import { sparklineSvg } from './sparkline-svg';

const BAND_COLOURS = { elite: '#1a7f37', high: '#2f5fd0', medium: '#9a5b00', low: '#c62828' } as const;
const CELL = 'padding:6px 8px;border-bottom:1px solid #dde1e7;text-align:left;vertical-align:top';
const NUM = `${CELL};text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap`;
/** A header wraps between words (a value never does), so a table of many metrics fits a page. */
const HEAD = 'background:#f1f3f6;font-size:12px;color:#5b6573;white-space:normal;vertical-align:bottom';
/** A repository's name breaks where it must (names run to 140 characters), after its slash first. */
const NAME = `${CELL};overflow-wrap:anywhere`;

const anchor = (url: string, html: string) => `<a href="${h(safeUrl(url))}" style="color:#2f5fd0">${html}</a>`;
const link = (url: string, text: string) => anchor(url, h(text));
/** `owner/name`, allowed to break after the slash. */
const repoLink = (url: string, repo: string) =>
  anchor(
    url,
    repo
      .split('/')
      .map((part) => h(part))
      .join('/<wbr>'),
  );
const prLine = (p: { repo: string; number: number; title: string; url: string }) => `${link(p.url, `${p.repo}#${p.number}`)} ${h(p.title)}`;

function list(title: string, items: string[], empty: string): string {
  return `<h3 style="font-size:15px;margin:16px 0 6px">${h(title)} <span style="color:#5b6573;font-weight:400">${items.length}</span></h3>${
    items.length
      ? `<ul style="margin:0;padding-left:20px">${items.map((i) => `<li style="margin:2px 0">${i}</li>`).join('')}</ul>`
      : `<p style="color:#5b6573;margin:0">${h(empty)}</p>`
  }`;
}

function agreementsHtml(report: WeeklyReport, th: (text: string, numeric?: boolean) => string): string {
  if (!report.agreements.length) return '';
  const teams = report.agreements.map((team) => {
    const rows = team.agreements
      .map((a) => {
        const colour = a.changeVsPreviousWeek === null || a.changeVsPreviousWeek === 0 ? '#5b6573' : a.changeVsPreviousWeek > 0 ? '#1a7f37' : '#c62828';
        return `<tr data-agreement="${h(a.agreement)}"><td style="${CELL}">${h(a.label)}</td><td style="${NUM};font-weight:600">${h(formatRatio(a.adherence))}</td><td style="${NUM}">${a.met} / ${a.applied}</td><td style="${NUM}">${h(formatRatio(a.previousWeek))}</td><td style="${NUM};color:${colour}">${h(formatChange('ratio', a.changeVsPreviousWeek))}</td></tr>`;
      })
      .join('');
    const breaches = team.agreements.flatMap((a) =>
      a.breaches.map(
        (b) =>
          `${h(a.label)}: ${link(b.url, b.name)}${b.title ? ` ${h(b.title)}` : ''} <span style="color:#5b6573">${b.reviewer ? `${h(b.reviewer)}, ` : ''}${h(b.measured)}</span>`,
      ),
    );
    return `<h3 style="font-size:15px;margin:16px 0 6px">Team ${h(team.team)}</h3><table style="border-collapse:collapse;width:100%"><thead><tr>${th('Agreement')}${th('This week', true)}${th('Met / applied', true)}${th('Previous week', true)}${th('Change', true)}</tr></thead><tbody>${rows}</tbody></table>${list('Broken this week', breaches, 'Nothing broke an agreement this week.')}`;
  });
  return `<h2 style="font-size:17px;margin:20px 0 8px">Working agreements</h2>${teams.join('')}`;
}

export function renderHtml(report: WeeklyReport): string {
  const title = reportTitle(report);
  const headlineRows = report.headlines
    .map((x) => {
      const colour = x.improved === null ? '#5b6573' : x.improved ? '#1a7f37' : '#c62828';
      const band = x.band
        ? `<span style="background:${BAND_COLOURS[x.band]};color:#fff;border-radius:9px;padding:1px 8px;font-size:12px">${x.band}</span>`
        : '';
      return `<tr data-metric="${h(x.key)}"><td style="${CELL}" title="${h(x.formula)}">${h(x.label)}</td><td style="${NUM};font-weight:600">${h(formatMetricValue(x.unit, x.value))}</td><td style="${NUM}">${x.unit === 'duration' ? h(formatMetricValue(x.unit, x.p90)) : ''}</td><td style="${NUM}">${x.n}</td><td style="${NUM};color:${colour}">${h(formatChange(x.unit, x.changeVsPreviousWeek))}</td><td style="${NUM}">${h(formatChange(x.unit, x.changeVsFourWeekAverage))}</td><td style="${CELL}">${band}</td><td style="${CELL}">${sparklineSvg(x.trend.map((t) => t.value))}</td></tr>`;
    })
    .join('');
  const keys = report.repositories[0]?.metrics.map((m) => m.key) ?? [];
  const repoRows = report.repositories
    .map(
      (r) =>
        `<tr><td style="${NAME}">${repoLink(r.url, r.repo)}</td>${r.metrics.map((m) => `<td style="${NUM}">${h(formatMetricValue(METRIC_CATALOGUE[m.key].unit, m.value))}</td>`).join('')}</tr>`,
    )
    .join('');
  const a = report.attention;
  const th = (text: string, numeric = false) => `<th style="${numeric ? NUM : CELL};${HEAD}">${h(text)}</th>`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)}</title>
<style>@media print { body { margin: 0 } a { color: inherit } } @page { size: A4; margin: 14mm }</style></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1b1f24;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:14px;line-height:1.45">
<div style="max-width:900px;margin:0 auto">
<h1 style="font-size:22px;margin:0 0 4px">${h(title)}</h1>
<p style="color:#5b6573;margin:0 0 16px">${h(scopeText(report))}</p>
<h2 style="font-size:17px;margin:20px 0 8px">Summary</h2>
<ul style="margin:0;padding-left:20px">${report.summary.map((s) => `<li>${h(s)}</li>`).join('')}</ul>
<h2 style="font-size:17px;margin:20px 0 8px">Headline numbers</h2>
<table style="border-collapse:collapse;width:100%">
<thead><tr>${th('Metric')}${th('This week', true)}${th('p90', true)}${th('n', true)}${th('vs previous week', true)}${th('vs 4-week average', true)}${th('DORA band')}${th('5 weeks')}</tr></thead>
<tbody>${headlineRows}</tbody></table>
${leftOutNotes(report)
  .map((note) => `<p style="color:#5b6573;font-size:12px;margin:6px 0 0">${h(note)}</p>`)
  .join('')}
${
  report.repositories.length
    ? `<h2 style="font-size:17px;margin:20px 0 8px">Per repository</h2><table style="border-collapse:collapse;width:100%"><thead><tr>${th('Repository')}${keys.map((k) => th(METRIC_CATALOGUE[k].label, true)).join('')}</tr></thead><tbody>${repoRows}</tbody></table>`
    : ''
}
<h2 style="font-size:17px;margin:20px 0 8px">Needs attention</h2>
${list(
  'Waiting for a first review',
  a.waitingForFirstReview.map((p) => `${prLine(p)} <span style="color:#5b6573">waiting ${h(formatDuration(p.waitingSeconds))}</span>`),
  'Every ready PR has had a review.',
)}
${list(
  'Review requests waiting',
  a.waitingReviewRequests.map((p) => `${prLine(p)} <span style="color:#5b6573">${h(p.reviewer)}, ${h(formatDuration(p.waitingSeconds))}</span>`),
  'No open review request.',
)}
${list(
  'Red default branches',
  a.redDefaultBranches.map(
    (r) => `${link(r.url, `${r.repo} ${r.workflow}`)} <span style="color:#5b6573">since ${h(r.since.toISOString().slice(0, 16).replace('T', ' '))} UTC</span>`,
  ),
  'Every default branch is green.',
)}
${list(
  'Coverage drops',
  a.coverageDrops.map((d) => `${link(d.url, d.repo)} ${h(formatPercent(d.fromPct))} → ${h(formatPercent(d.toPct))}`),
  'No coverage drop.',
)}
${list('Merged without review', a.unreviewedMerges.map(prLine), 'Every merged PR was reviewed.')}
${agreementsHtml(report, th)}
<h2 style="font-size:17px;margin:20px 0 8px">Slowest pull requests</h2>
${list(
  'By cycle time',
  report.slowestPullRequests.map((p) => `${prLine(p)} <span style="color:#5b6573">${h(formatDuration(p.cycleSeconds))}</span>`),
  'No PR merged this week.',
)}
<p style="color:#5b6573;font-size:12px;margin-top:24px">Definitions: docs/metrics.md${report.preset === 'devlake' ? " (DevLake's preset)" : ''}. Generated ${h(report.generatedAt.toISOString())} by Leadline.</p>
</div></body></html>
`;
}
