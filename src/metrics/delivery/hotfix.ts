import type { PullRequestRecord } from '../records';
import { matches, type DeliverySettings } from './settings';

/** A hotfix: a PR with a label or head branch matching the hotfix pattern (default `hotfix`). */
export function isHotfix(pr: Pick<PullRequestRecord, 'labels' | 'headRef'>, settings: Pick<DeliverySettings, 'hotfixPattern'>): boolean {
  return matches(settings.hotfixPattern, pr.headRef) || pr.labels.some((l) => matches(settings.hotfixPattern, l));
}
