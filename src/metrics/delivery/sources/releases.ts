/**
 * Source 3: published releases (not draft, not prerelease), each a successful deployment at
 * `publishedAt`. (A release's `createdAt` is, per GitHub, the date of its commit, not of the release.)
 */
import type { ReleaseRecord, RepositoryRecord } from '../../records';
import type { Deployment } from '../deployment';
import { tally, type SourceResult } from './source-result';

const FULL_SHA = /^[0-9a-f]{40}$/i;

/**
 * The commit a release deployed: its `targetCommitish` when that is a full sha. A branch name
 * (`main`) only says which branch head the tag was cut from when it was created, not which commit,
 * so the sha is unknown (null) and PRs are mapped to the release by time.
 */
export function releaseSha(targetCommitish: string): string | null {
  return FULL_SHA.test(targetCommitish) ? targetCommitish.toLowerCase() : null;
}

/** Published releases that are neither drafts nor prereleases. */
export function releaseSource(repository: RepositoryRecord, releases: readonly ReleaseRecord[]): SourceResult {
  const deployments: Deployment[] = [];
  const ignored: string[] = [];
  for (const release of releases) {
    if (release.repoId !== repository.id) continue;
    if (release.isDraft) ignored.push('draft release');
    else if (release.isPrerelease) ignored.push('prerelease');
    else if (!release.publishedAt) ignored.push('release not published');
    else {
      deployments.push({
        id: `release:${release.id}`,
        repoId: repository.id,
        repo: repository.fullName,
        source: 'release',
        sha: releaseSha(release.targetCommitish),
        startedAt: release.publishedAt,
        finishedAt: release.publishedAt,
        outcome: 'success',
        label: release.tagName,
        ref: { kind: 'release', releaseId: release.id, tagName: release.tagName, targetCommitish: release.targetCommitish },
      });
    }
  }
  return { deployments, ignored: tally(ignored) };
}
