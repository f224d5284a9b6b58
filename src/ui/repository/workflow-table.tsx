/** CI health per workflow of one repository. */
import type { RepositoryDetail } from '@/server/services/metrics/repository-detail.types';
import { formatUtc } from '@/formatting/instants';
import { formatDuration, formatRatio } from '@/formatting/metric-values';

export function WorkflowTable({ workflows, githubUrl, repo }: { workflows: RepositoryDetail['workflows']; githubUrl: string; repo: string }) {
  if (workflows.length === 0) return <p className="muted">No workflow runs in this period.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col" className="num">
              Runs
            </th>
            <th scope="col" className="num">
              Success rate
            </th>
            <th scope="col" className="num">
              Duration p50
            </th>
            <th scope="col" className="num">
              Duration p90
            </th>
            <th scope="col" className="num">
              Queue p50
            </th>
            <th scope="col" className="num">
              Flaky rate
            </th>
            <th scope="col" className="num">
              Red time
            </th>
            <th scope="col">Default branch</th>
          </tr>
        </thead>
        <tbody>
          {workflows.map((w) => (
            <tr key={w.workflow} data-workflow={w.workflow}>
              <th scope="row">
                <a href={`${githubUrl}/${repo}/actions`} target="_blank" rel="noreferrer noopener">
                  {w.workflow}
                </a>
              </th>
              <td className="num">{w.runs}</td>
              <td className="num" title={`${w.successRate.numerator} of ${w.successRate.denominator}`}>
                {formatRatio(w.successRate.value)}
              </td>
              <td className="num">{formatDuration(w.durationP50)}</td>
              <td className="num">{formatDuration(w.durationP90)}</td>
              <td className="num">{formatDuration(w.queueP50)}</td>
              <td className="num" title={`${w.flakyRate.numerator} of ${w.flakyRate.denominator}`}>
                {formatRatio(w.flakyRate.value)}
              </td>
              <td className="num">{formatDuration(w.redSeconds)}</td>
              <td>{w.redSince ? <span className="bad-text">red since {formatUtc(w.redSince)}</span> : 'green'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
