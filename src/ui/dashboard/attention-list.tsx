/** What needs someone today: PRs and requests waiting longest, red default branches, coverage drops, loose deployment ends. */
import type { TeamHealth } from '@/server/services/metrics/team-health.types';
import { formatUtc } from '@/formatting/instants';
import { formatDuration, formatPercent } from '@/formatting/metric-values';

const LIMIT = 8;

function Group({ title, count, children, empty }: { title: string; count: number; children: React.ReactNode; empty: string }) {
  return (
    <div className="attention-group" data-attention={title}>
      <h3>
        {title} <span className="count">{count}</span>
      </h3>
      {count === 0 ? <p className="muted">{empty}</p> : <ul>{children}</ul>}
      {count > LIMIT && <p className="muted">and {count - LIMIT} more</p>}
    </div>
  );
}

export function AttentionList({ attention, githubUrl }: { attention: TeamHealth['attention']; githubUrl: string }) {
  const pr = (repo: string, number: number) => `${githubUrl}/${repo}/pull/${number}`;
  const a = attention;
  return (
    <section className="panel attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs attention</h2>
      <div className="attention-grid">
        <Group title="Waiting for a first review" count={a.awaitingFirstReview.length} empty="Every ready PR has had a review.">
          {a.awaitingFirstReview.slice(0, LIMIT).map((p) => (
            <li key={`${p.repo}#${p.number}`}>
              <a href={pr(p.repo, p.number)} target="_blank" rel="noreferrer noopener">
                {p.repo}#{p.number}
              </a>{' '}
              {p.title}{' '}
              <span className="muted">
                by {p.author ?? 'a deleted account'}, waiting {formatDuration(p.ageSeconds)}
              </span>
            </li>
          ))}
        </Group>
        <Group title="Review requests waiting" count={a.waitingReviewRequests.length} empty="No open review request.">
          {a.waitingReviewRequests.slice(0, LIMIT).map((r) => (
            <li key={`${r.repo}#${r.number}:${r.reviewer}:${r.requestedAt.toISOString()}`}>
              <a href={pr(r.repo, r.number)} target="_blank" rel="noreferrer noopener">
                {r.repo}#{r.number}
              </a>{' '}
              <span className="muted">
                {r.reviewer}, asked {formatDuration(r.ageSeconds)} ago
              </span>
            </li>
          ))}
        </Group>
        <Group title="Red default branches" count={a.redBranches.length} empty="Every default branch is green.">
          {a.redBranches.slice(0, LIMIT).map((r) => (
            <li key={`${r.repo}:${r.workflow}`}>
              <a href={`${githubUrl}/${r.repo}/actions/runs/${r.runId}`} target="_blank" rel="noreferrer noopener">
                {r.repo} · {r.workflow}
              </a>{' '}
              <span className="muted">
                red on {r.branch} for {formatDuration(r.ageSeconds)}
              </span>
            </li>
          ))}
        </Group>
        <Group title="Coverage drops" count={a.coverageDrops.length} empty="No week lost coverage.">
          {a.coverageDrops.slice(0, LIMIT).map((d) => (
            <li key={`${d.repo}:${d.week}`}>
              <a href={`${githubUrl}/${d.repo}/commit/${d.sha}`} target="_blank" rel="noreferrer noopener">
                {d.repo}
              </a>{' '}
              <span className="muted">
                {d.week}: {formatPercent(d.fromPct)} → {formatPercent(d.toPct)}
              </span>
            </li>
          ))}
        </Group>
        <Group title="Deployments that shipped no known PR" count={a.unmappedDeployments.length} empty="Every deployment maps to its PRs.">
          {a.unmappedDeployments.slice(0, LIMIT).map((d) => (
            <li key={d.id}>
              {d.repo} · {d.label} <span className="muted">{d.finishedAt ? formatUtc(d.finishedAt) : 'pending'}</span>
            </li>
          ))}
        </Group>
        <Group title="Merged, not deployed yet" count={a.undeployedPullRequests.length} empty="Every merged PR has shipped.">
          {a.undeployedPullRequests.slice(0, LIMIT).map((p) => (
            <li key={`${p.repo}#${p.number}`}>
              <a href={pr(p.repo, p.number)} target="_blank" rel="noreferrer noopener">
                {p.repo}#{p.number}
              </a>{' '}
              <span className="muted">
                merged {formatUtc(p.mergedAt)} ({p.reason === 'not-contained' ? 'later deployments do not contain it' : 'no deployment since'})
              </span>
            </li>
          ))}
        </Group>
      </div>
    </section>
  );
}
