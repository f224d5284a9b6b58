/**
 * The repositories and what makes each one different. The first four cover, between them, every
 * source the metrics fall back through: GitHub Deployments, a deploy workflow, releases and plain
 * merges (DORA sources 1–4), the three coverage sources, and both merge strategies. Further
 * repositories (when asked for more) reuse the profiles under new names.
 */

export type Delivery =
  /** GitHub Deployments to production and staging (source 1). */
  | 'deployments'
  /** A `Deploy` workflow on pushes to the default branch, no Deployments (source 2). */
  | 'deploy-workflow'
  /** Published releases, with a draft and prereleases around them (source 3). */
  | 'releases'
  /** Nothing: every merge is a deployment (source 4). Infra applies plans before merging. */
  | 'merge';

export type CoverageSource = 'codecov' | 'coveralls' | 'check-run' | 'none';

export interface RepoProfile {
  name: string;
  team: string;
  /** infra still uses `master`: sync code must read the default branch, not assume `main`. */
  defaultBranch: string;
  /** Merge commits (2 parents) or squash merges (1 parent) on the default branch. */
  mergeStyle: 'merge' | 'squash';
  delivery: Delivery;
  coverage: CoverageSource;
  /** Activity relative to the requested PRs per repo per week (they average to about 1). */
  activity: number;
  /** Which bot keeps dependencies fresh. */
  depsBot: 'dependabot' | 'renovate';
  /** Median minutes of a CI run. */
  ciMinutes: number;
  /** Coverage at the start of the window, percent. */
  coverageStart: number;
  /** The repo predates the window: its PR and issue numbers carry on from here. */
  firstNumber: number;
  ageDays: number;
}

const PROFILES: RepoProfile[] = [
  {
    name: 'api',
    team: 'backend',
    defaultBranch: 'main',
    mergeStyle: 'merge',
    delivery: 'deployments',
    coverage: 'codecov',
    activity: 1.25,
    depsBot: 'dependabot',
    ciMinutes: 7,
    coverageStart: 56.8,
    firstNumber: 1841,
    ageDays: 1210,
  },
  {
    name: 'web',
    team: 'frontend',
    defaultBranch: 'main',
    mergeStyle: 'squash',
    delivery: 'deploy-workflow',
    coverage: 'coveralls',
    activity: 1.15,
    depsBot: 'dependabot',
    ciMinutes: 5,
    coverageStart: 78.9,
    firstNumber: 2657,
    ageDays: 1105,
  },
  {
    name: 'mobile',
    team: 'mobile',
    defaultBranch: 'main',
    mergeStyle: 'squash',
    delivery: 'releases',
    coverage: 'check-run',
    activity: 0.85,
    depsBot: 'dependabot',
    ciMinutes: 12,
    coverageStart: 64.2,
    firstNumber: 733,
    ageDays: 640,
  },
  {
    name: 'infra',
    team: 'platform',
    defaultBranch: 'master',
    mergeStyle: 'merge',
    delivery: 'merge',
    coverage: 'none',
    activity: 0.75,
    depsBot: 'renovate',
    ciMinutes: 3,
    coverageStart: 0,
    firstNumber: 412,
    ageDays: 890,
  },
  {
    name: 'billing',
    team: 'backend',
    defaultBranch: 'main',
    mergeStyle: 'squash',
    delivery: 'deployments',
    coverage: 'codecov',
    activity: 0.9,
    depsBot: 'dependabot',
    ciMinutes: 6,
    coverageStart: 71.5,
    firstNumber: 958,
    ageDays: 760,
  },
  {
    name: 'docs',
    team: 'frontend',
    defaultBranch: 'main',
    mergeStyle: 'squash',
    delivery: 'merge',
    coverage: 'none',
    activity: 0.6,
    depsBot: 'renovate',
    ciMinutes: 2,
    coverageStart: 0,
    firstNumber: 301,
    ageDays: 980,
  },
];

export function repoProfiles(count: number): RepoProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const base = PROFILES[i % PROFILES.length] as RepoProfile;
    const round = Math.floor(i / PROFILES.length);
    return round === 0 ? base : { ...base, name: `${base.name}-${round + 1}` };
  });
}
