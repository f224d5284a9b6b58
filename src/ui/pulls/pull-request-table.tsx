'use client';
/**
 * The PR explorer's table: sort by any column (click its header; again to reverse), filter by text
 * and state, and download exactly the rows shown as CSV. Every PR links to GitHub; its deployment
 * shows the rule that mapped it.
 */
import { useMemo, useState } from 'react';
import { toCsv, type CsvValue } from '@/formatting/csv';
import type { PullRequestRow } from '@/server/services/pull-requests/list-pull-requests.types';
import { formatUtc } from '@/formatting/instants';
import { formatDuration } from '@/formatting/metric-values';

type Kind = 'text' | 'number' | 'duration' | 'date';
interface Column {
  key: string;
  label: string;
  kind: Kind;
  value: (r: PullRequestRow) => string | number | Date | null;
}

const PHASE_LABELS = { coding: 'Coding', pickup: 'Pickup', review: 'Review', merge: 'Merge', cycle: 'Cycle', deploy: 'Deploy', lead: 'Lead' } as const;

const COLUMNS: Column[] = [
  { key: 'pr', label: 'PR', kind: 'text', value: (r) => `${r.repo}#${r.number}` },
  { key: 'title', label: 'Title', kind: 'text', value: (r) => r.title },
  { key: 'author', label: 'Author', kind: 'text', value: (r) => r.author },
  { key: 'state', label: 'State', kind: 'text', value: (r) => (r.draft && r.state === 'open' ? 'draft' : r.state) },
  { key: 'createdAt', label: 'Created', kind: 'date', value: (r) => r.createdAt },
  { key: 'mergedAt', label: 'Merged', kind: 'date', value: (r) => r.mergedAt },
  ...(Object.keys(PHASE_LABELS) as (keyof typeof PHASE_LABELS)[]).map((p): Column => ({
    key: p,
    label: PHASE_LABELS[p],
    kind: 'duration',
    value: (r) => r.phases[p],
  })),
  { key: 'size', label: 'Size', kind: 'number', value: (r) => r.size },
  { key: 'reviewers', label: 'Reviewers', kind: 'text', value: (r) => r.reviewers.join(' ') },
  {
    key: 'deployment',
    label: 'Deployment',
    kind: 'text',
    value: (r) => (r.deployment ? `${r.deployment.label} (${r.deployment.rule})` : r.undeployedReason ? `not yet: ${r.undeployedReason}` : null),
  },
];

function show(kind: Kind, value: string | number | Date | null): string {
  if (value === null || value === '') return '—';
  if (value instanceof Date) return formatUtc(value);
  if (kind === 'duration' && typeof value === 'number') return formatDuration(value);
  return String(value);
}

function compare(a: string | number | Date | null, b: string | number | Date | null): number {
  // Missing values sort last in either direction (handled by the caller), the rest naturally.
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

const CSV_HEADER = [
  'repo',
  'number',
  'title',
  'author',
  'state',
  'draft',
  'created_at',
  'ready_at',
  'first_review_at',
  'first_approval_at',
  'merged_at',
  'deployed_at',
  'coding_s',
  'pickup_s',
  'review_s',
  'merge_s',
  'cycle_s',
  'deploy_s',
  'lead_s',
  'additions',
  'deletions',
  'size',
  'commits',
  'rework',
  'review_rounds',
  'reviewers',
  'deployment',
  'mapping_rule',
  'url',
];

export function PullRequestTable({ rows, githubUrl, fileName }: { rows: PullRequestRow[]; githubUrl: string; fileName: string }) {
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: 'mergedAt', dir: -1 });
  const [text, setText] = useState('');
  const [state, setState] = useState<'all' | 'merged' | 'open' | 'closed'>('all');

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0]!;
    return rows
      .filter((r) => state === 'all' || r.state === state)
      .filter((r) => !needle || `${r.repo}#${r.number} ${r.title} ${r.author ?? ''} ${r.labels.join(' ')}`.toLowerCase().includes(needle))
      .sort((a, b) => {
        const va = column.value(a);
        const vb = column.value(b);
        if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
        return compare(va, vb) * sort.dir;
      });
  }, [rows, sort, text, state]);

  const download = () => {
    const csv = toCsv(
      CSV_HEADER,
      shown.map((r): CsvValue[] => [
        r.repo,
        r.number,
        r.title,
        r.author,
        r.state,
        r.draft,
        r.createdAt,
        r.readyAt,
        r.firstReviewAt,
        r.firstApprovalAt,
        r.mergedAt,
        r.deployedAt,
        r.phases.coding,
        r.phases.pickup,
        r.phases.review,
        r.phases.merge,
        r.phases.cycle,
        r.phases.deploy,
        r.phases.lead,
        r.additions,
        r.deletions,
        r.size,
        r.commits,
        r.rework,
        r.reviewRounds,
        r.reviewers.join(' '),
        r.deployment?.label ?? null,
        r.deployment?.rule ?? null,
        `${githubUrl}/${r.repo}/pull/${r.number}`,
      ]),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="panel" aria-labelledby="prs-heading">
      <div className="panel-heading">
        <h2 id="prs-heading">
          {shown.length} of {rows.length} pull requests
        </h2>
        <div className="field-group">
          <label className="field">
            <span>Search</span>
            <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="title, author, label, #number" />
          </label>
          <label className="field">
            <span>State</span>
            <select value={state} onChange={(e) => setState(e.target.value as typeof state)}>
              <option value="all">All</option>
              <option value="merged">Merged</option>
              <option value="open">Open</option>
              <option value="closed">Closed unmerged</option>
            </select>
          </label>
          <button type="button" className="button" onClick={download} disabled={shown.length === 0}>
            Download CSV
          </button>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="muted">No pull request matches.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table pulls" data-rows={shown.length}>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.kind === 'duration' || c.kind === 'number' ? 'num' : undefined}
                    aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : c.kind === 'text' ? 1 : -1 }))}
                    >
                      {c.label}
                      <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} data-pr={`${r.repo}#${r.number}`}>
                  {COLUMNS.map((c) => {
                    const text = show(c.kind, c.value(r));
                    return (
                      <td
                        key={c.key}
                        className={c.kind === 'duration' || c.kind === 'number' ? 'num' : undefined}
                        title={c.key === 'title' ? r.title : undefined}
                      >
                        {c.key === 'pr' ? (
                          <a href={`${githubUrl}/${r.repo}/pull/${r.number}`} target="_blank" rel="noreferrer noopener">
                            {text}
                          </a>
                        ) : (
                          text
                        )}
                        {c.key !== 'pr' && c.kind === 'duration' && r.negativePhases.includes(c.key) && (
                          <span className="warning" title="negative span: left out of the numbers">
                            {' '}
                            ⚠
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
