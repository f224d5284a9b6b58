/**
 * Words for PR titles, branch names, commit messages and issues, per repository domain. Plausible
 * text matters more than it seems: the demo is read by people, and the revert/hotfix rules of the
 * metrics match on titles and branch names, so ordinary titles must not match them by accident.
 */
import type { Rng } from './random';

const TOPICS: Record<string, string[]> = {
  api: [
    'order export',
    'rate limiter',
    'webhook retries',
    'invoice PDFs',
    'audit log',
    'pagination cursors',
    'OAuth refresh tokens',
    'search indexing',
    'tenant settings',
    'bulk import',
    'idempotency keys',
    'health checks',
    'connection pool sizing',
    'feature flags',
    'email templates',
    'GraphQL schema',
  ],
  web: [
    'checkout page',
    'dark mode',
    'date picker',
    'onboarding tour',
    'dashboard filters',
    'settings form',
    'invoice table',
    'toast notifications',
    'German translations',
    'image lazy loading',
    'navigation menu',
    'billing page',
    'search bar',
    'CSV export button',
    'error boundary',
    'empty states',
  ],
  mobile: [
    'push notifications',
    'offline cache',
    'biometric login',
    'deep links',
    'order history screen',
    'pull to refresh',
    'tablet layout',
    'camera permissions',
    'app rating prompt',
    'in-app updates',
    'accessibility labels',
    'login screen',
  ],
  infra: [
    'EKS node group',
    'RDS backups',
    'CloudFront cache policy',
    'Terraform state locking',
    'VPC flow logs',
    'IAM roles for CI',
    'Datadog monitors',
    'Redis cluster',
    'S3 lifecycle rules',
    'WAF rules',
    'Route53 health checks',
    'staging autoscaling',
  ],
};
TOPICS.billing = ['proration', 'tax rates', 'dunning emails', 'Stripe webhooks', 'credit notes', 'usage records'];
TOPICS.docs = ['quickstart guide', 'API reference', 'changelog', 'architecture page', 'SDK examples'];

const DEPENDENCIES: Record<string, string[]> = {
  dependabot: ['zod', 'pg', 'pino', 'express', 'typescript', 'vitest', 'eslint', 'react', 'next', 'date-fns'],
  renovate: ['terraform aws', 'terraform google', 'helm chart ingress-nginx', 'tflint', 'hashicorp/setup-terraform action'],
};

export type PrKind = 'feature' | 'fix' | 'chore' | 'docs' | 'deps' | 'hotfix' | 'revert';

const VERBS: Record<'feature' | 'fix' | 'chore' | 'docs', string[]> = {
  feature: ['Add', 'Support', 'Implement', 'Introduce'],
  fix: ['Fix', 'Handle errors in', 'Correct', 'Fix flaky test for'],
  chore: ['Refactor', 'Clean up', 'Simplify', 'Extract'],
  docs: ['Document', 'Update docs for'],
};

const BRANCH_PREFIX: Record<string, string> = { feature: 'feat', fix: 'fix', chore: 'chore', docs: 'docs' };

export function topicsOf(repo: string): string[] {
  return TOPICS[repo.replace(/-\d+$/, '')] ?? (TOPICS.api as string[]);
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Title and head branch of an ordinary human PR, e.g. `Add order export` on `alice/feat-order-export`. */
export function humanTitle(
  rng: Rng,
  repo: string,
  kind: 'feature' | 'fix' | 'chore' | 'docs',
  login: string | null,
): { title: string; headRef: string; topic: string } {
  const topic = rng.pick(topicsOf(repo));
  const title = `${rng.pick(VERBS[kind])} ${topic}`;
  const owner = login ? login.split('-')[0] : 'ivan';
  return { title, headRef: `${owner}/${BRANCH_PREFIX[kind]}-${slug(topic)}`, topic };
}

export interface DepsBump {
  title: string;
  headRef: string;
  labels: string[];
}

export function depsBump(rng: Rng, bot: 'dependabot' | 'renovate'): DepsBump {
  const name = rng.pick(DEPENDENCIES[bot] as string[]);
  const major = rng.int(1, 9);
  const from = `${major}.${rng.int(0, 20)}.${rng.int(0, 9)}`;
  const to = `${major}.${rng.int(21, 30)}.${rng.int(0, 9)}`;
  if (bot === 'dependabot') {
    return { title: `Bump ${name} from ${from} to ${to}`, headRef: `dependabot/npm_and_yarn/${slug(name)}-${to}`, labels: ['dependencies', 'javascript'] };
  }
  return { title: `Update ${name} to v${to}`, headRef: `renovate/${slug(name)}-${major}.x`, labels: ['dependencies'] };
}

const ISSUE_SHAPES: [string, string][] = [
  ['bug', '%s fails intermittently'],
  ['bug', 'Unexpected 500 from %s'],
  ['enhancement', 'Improve %s'],
  ['enhancement', 'Request: configurable %s'],
  ['question', 'How should %s behave for archived tenants?'],
  ['documentation', 'Docs for %s are out of date'],
];

export function issueTitle(rng: Rng, repo: string): { title: string; label: string } {
  const [label, shape] = rng.pick(ISSUE_SHAPES);
  const topic = rng.pick(topicsOf(repo));
  const text = shape.replace('%s', topic);
  return { title: text.charAt(0).toUpperCase() + text.slice(1), label };
}
