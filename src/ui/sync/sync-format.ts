/** Words and numbers of the sync page. */

const RESOURCE_LABELS: Record<string, string> = {
  pull_requests: 'Pull requests',
  default_branch: 'Default branch history',
  workflow_runs: 'Workflow runs',
  coverage_artifacts: 'Coverage artifacts',
  deployments: 'Deployments',
  releases: 'Releases',
  incidents: 'Incidents',
  comments: 'Comments',
};

export function resourceLabel(resource: string): string {
  return RESOURCE_LABELS[resource] ?? resource.replaceAll('_', ' ');
}

/** How long a sync took, from milliseconds: "42 s", "3 min 05 s", "1 h 02 min" (metric durations: `@/formatting/metric-values`). */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const integer = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return integer.format(n);
}

const WAIT_LABELS: Record<'rate-limit' | 'secondary-rate-limit' | 'server-error', string> = {
  'rate-limit': 'GitHub’s rate limit is spent; waiting for it to reset',
  'secondary-rate-limit': 'GitHub asked to slow down (secondary rate limit); waiting',
  'server-error': 'GitHub failed or timed out; retrying',
};

/** Why a sync waits, in words. */
export function waitLabel(reason: keyof typeof WAIT_LABELS): string {
  return WAIT_LABELS[reason];
}
