/**
 * Deployment detection (docs/metrics.md#what-counts-as-a-deployment): per repository, the deployments of the first
 * source that has data, in the order GitHub Deployments to production, deploy workflow runs on the
 * default branch, published releases, merges to the default branch; unless the repository's source
 * is configured. A source has data when it yields at least one deployment (pending included): a
 * repository with only staging deployments, or only cancelled deploy runs, falls through to the next.
 */
import type { GitHubDeploymentRecord, PullRequestRecord, ReleaseRecord, RepositoryRecord, WorkflowRunRecord } from '../records';
import { DEPLOYMENT_SOURCES, SOURCE_NAMES, type Deployment, type DeploymentSource } from './deployment';
import type { DeliverySettings } from './settings';
import { githubDeploymentSource } from './sources/github-deployments';
import { mergeSource } from './sources/merges';
import { releaseSource } from './sources/releases';
import type { IgnoredRecords, SourceResult } from './sources/source-result';
import { workflowRunSource } from './sources/workflow-runs';

/** The records detection reads (any repositories: each repository picks its own). */
export interface DetectionRecords {
  githubDeployments: readonly GitHubDeploymentRecord[];
  workflowRuns: readonly WorkflowRunRecord[];
  releases: readonly ReleaseRecord[];
  pullRequests: readonly PullRequestRecord[];
}

/** One source as detection saw it for a repository. */
export interface SourceCandidate {
  source: DeploymentSource;
  /** 1 to 4, the detection order. */
  rank: number;
  /** Deployments it yields (pending included). */
  deployments: number;
  /** What it reads, with the configured pattern, e.g. "GitHub Deployments to an environment matching /^prod(uction)?$/i". */
  description: string;
}

/** The chosen source's deployments, and why it was chosen (for the UI). */
export interface DeploymentDetection {
  repoId: number;
  repo: string;
  /** null: no source has data and none is configured. */
  source: DeploymentSource | null;
  chosenBy: 'configured' | 'first-with-data' | 'no-data';
  /** One sentence, e.g. "deploy workflow runs: the first source with data (12 deployments); GitHub Deployments had none." */
  reason: string;
  /** All four sources in order, with what each would yield. */
  candidates: SourceCandidate[];
  /** Production deployments of the chosen source, oldest start first; pending ones included (never counted). */
  deployments: Deployment[];
  /** Records of the chosen source that were not counted, and why. */
  ignored: IgnoredRecords[];
}

function describe(source: DeploymentSource, repository: RepositoryRecord, settings: DeliverySettings): string {
  switch (source) {
    case 'github-deployment':
      return `GitHub Deployments to an environment matching ${settings.productionEnvironment}`;
    case 'workflow-run':
      return `runs on ${repository.defaultBranch} of workflows whose name matches ${settings.deployWorkflow}`;
    case 'release':
      return 'published releases (not draft, not prerelease)';
    case 'merge':
      return `merges into ${repository.defaultBranch} (merge as deploy)`;
  }
}

function run(source: DeploymentSource, repository: RepositoryRecord, records: DetectionRecords, settings: DeliverySettings): SourceResult {
  switch (source) {
    case 'github-deployment':
      return githubDeploymentSource(repository, records.githubDeployments, settings);
    case 'workflow-run':
      return workflowRunSource(repository, records.workflowRuns, settings);
    case 'release':
      return releaseSource(repository, records.releases);
    case 'merge':
      return mergeSource(repository, records.pullRequests);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The first source with data (or the configured one) for one repository, with its deployments and the reason. */
export function detectDeployments(
  repository: RepositoryRecord,
  records: DetectionRecords,
  settings: DeliverySettings,
  configured: DeploymentSource | null = null,
): DeploymentDetection {
  const results = DEPLOYMENT_SOURCES.map((source) => ({ source, result: run(source, repository, records, settings) }));
  const candidates: SourceCandidate[] = results.map(({ source, result }, i) => ({
    source,
    rank: i + 1,
    deployments: result.deployments.length,
    description: describe(source, repository, settings),
  }));
  const chosenIndex = configured ? DEPLOYMENT_SOURCES.indexOf(configured) : results.findIndex((r) => r.result.deployments.length > 0);
  const base = { repoId: repository.id, repo: repository.fullName, candidates };
  const chosen = results[chosenIndex];
  if (!chosen) {
    return { ...base, source: null, chosenBy: 'no-data', reason: 'No source has data: no deployments.', deployments: [], ignored: [] };
  }
  const count = plural(chosen.result.deployments.length, 'deployment');
  const earlier = candidates.slice(0, chosenIndex).map((c) => c.description);
  const reason = configured
    ? `${SOURCE_NAMES[chosen.source]}: configured for this repository (${count}).`
    : `${SOURCE_NAMES[chosen.source]}: the first source with data (${count})` + (earlier.length ? `; none found from ${earlier.join('; ')}.` : '.');
  const deployments = [...chosen.result.deployments].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : 1));
  return { ...base, source: chosen.source, chosenBy: configured ? 'configured' : 'first-with-data', reason, deployments, ignored: chosen.result.ignored };
}

/** Detection for every repository; `configured` maps a repository id to its configured source. */
export function detectAllDeployments(
  repositories: readonly RepositoryRecord[],
  records: DetectionRecords,
  settings: DeliverySettings,
  configured: ReadonlyMap<number, DeploymentSource> = new Map(),
): DeploymentDetection[] {
  return repositories.map((repository) => detectDeployments(repository, records, settings, configured.get(repository.id) ?? null));
}

/** Every detected deployment, all repositories together. */
export function detectedDeployments(detections: readonly DeploymentDetection[]): Deployment[] {
  return detections.flatMap((d) => d.deployments);
}
