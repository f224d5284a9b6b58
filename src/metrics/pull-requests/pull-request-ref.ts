/**
 * Which PRs the PR metrics look at, and how a member names its PR so a person can find it.
 */
import { isBot } from '../bots';
import type { PullRequestRecord } from '../records';
import type { MetricOptions } from '../types';

/** What every PR member carries to be found again: repository, number, title, author. */
export interface PullRequestRef {
  prId: number;
  repo: string;
  number: number;
  title: string;
  /** The author's login; null for a deleted account. */
  author: string | null;
}

export function pullRequestRef(pr: PullRequestRecord): PullRequestRef {
  return { prId: pr.id, repo: pr.repo, number: pr.number, title: pr.title, author: pr.author.login };
}

/** A PR counts unless a bot authored it; `includeBots` brings bot-authored PRs back (docs/metrics.md#which-prs-count). */
export function isCountedPullRequest(pr: PullRequestRecord, options: Pick<MetricOptions, 'includeBots' | 'botLogins'>): boolean {
  return options.includeBots || !isBot(pr.author, options);
}

/** Logins compared the way GitHub does: case-insensitively. null (a deleted account) matches nobody. */
export function sameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
