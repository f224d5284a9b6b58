/**
 * Source 1: GitHub Deployments to an environment matching the production pattern. Outcome = the
 * latest terminal status: success; failure or error = failed. `inactive` (GitHub sets it when a
 * newer deployment to the environment succeeds) is not an outcome: the one before it stands, so
 * inactive after success stays success. No success, failure or error status yet: pending.
 */
import type { DeploymentStatusRecord, GitHubDeploymentRecord, RepositoryRecord } from '../../records';
import { shortSha, type Deployment, type DeploymentOutcome } from '../deployment';
import { matches, type DeliverySettings } from '../settings';
import { tally, type SourceResult } from './source-result';

const OUTCOMES: Readonly<Partial<Record<DeploymentStatusRecord['state'], 'success' | 'failure'>>> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
};

/** Outcome = the latest success, failure or error status (`finishedAt` = its createdAt); none: pending. */
export function githubDeploymentOutcome(statuses: readonly DeploymentStatusRecord[]): { outcome: DeploymentOutcome; status: DeploymentStatusRecord | null } {
  // Oldest first as loaded; sorted again (stable) so equal timestamps keep their stored order.
  const ordered = [...statuses].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let terminal: DeploymentStatusRecord | null = null;
  for (const s of ordered) if (OUTCOMES[s.state]) terminal = s;
  return terminal ? { outcome: OUTCOMES[terminal.state]!, status: terminal } : { outcome: 'pending', status: null };
}

/** GitHub Deployments of the repository whose environment matches the production pattern. */
export function githubDeploymentSource(repository: RepositoryRecord, records: readonly GitHubDeploymentRecord[], settings: DeliverySettings): SourceResult {
  const deployments: Deployment[] = [];
  const ignored: string[] = [];
  for (const record of records) {
    if (record.repoId !== repository.id) continue;
    if (!matches(settings.productionEnvironment, record.environment)) {
      ignored.push(`environment "${record.environment}" does not match ${settings.productionEnvironment}`);
      continue;
    }
    const { outcome, status } = githubDeploymentOutcome(record.statuses);
    deployments.push({
      id: `github-deployment:${record.id}`,
      repoId: repository.id,
      repo: repository.fullName,
      source: 'github-deployment',
      sha: record.sha,
      startedAt: record.createdAt,
      finishedAt: status?.createdAt ?? null,
      outcome,
      label: `${record.environment} ${shortSha(record.sha)}`,
      ref: { kind: 'github-deployment', deploymentId: record.id, environment: record.environment, status: status?.state ?? null },
    });
  }
  return { deployments, ignored: tally(ignored) };
}
