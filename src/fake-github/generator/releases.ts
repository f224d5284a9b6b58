/**
 * Releases for the app that ships through the stores (DORA source 3): a minor release every other
 * Thursday from the latest green commit, a beta prerelease two days before each, a patch release
 * right after a hotfix, and next release's draft (never published, so never a deployment).
 */
import type { FakeRelease } from '../model';
import { Clock, DAY, HOUR, MINUTE, iso } from './clock';
import type { RepoContext } from './context';
import type { MainCommit } from './history';
import type { RunResult } from './workflow-runs';

/** A published final release (a deployment) with the default-branch commit it was cut from. */
export interface PublishedRelease {
  release: FakeRelease;
  target: MainCommit;
  publishedAt: number;
}

export function releases(
  ctx: RepoContext,
  history: MainCommit[],
  ci: Map<string, RunResult>,
  hotfixMerges: number[],
): { releases: FakeRelease[]; published: PublishedRelease[] } {
  const rng = ctx.fork('releases');
  const clock = new Clock(rng, 0);
  const { ids, now } = ctx;
  const managers = ['farah-khan', 'hana-sato'];
  const green = history.filter((c) => {
    const r = ci.get(c.commit.sha);
    return r?.conclusion === 'success' && r.finishedAt !== null;
  });
  /** The newest green commit by t (release-please style: the tag points at a sha). */
  const headAt = (t: number) => [...green].reverse().find((c) => (ci.get(c.commit.sha)?.finishedAt as number) <= t);

  const out: FakeRelease[] = [];
  const published: PublishedRelease[] = [];
  const release = (tag: string, at: number, kind: 'final' | 'pre' | 'draft') => {
    const target = headAt(at);
    if (at > now || (!target && kind !== 'draft')) return;
    const id = ids.next('release');
    const made: FakeRelease = {
      id,
      tagName: tag,
      name: tag,
      targetCommitish: kind === 'draft' ? ctx.profile.defaultBranch : (target as MainCommit).commit.sha,
      draft: kind === 'draft',
      prerelease: kind === 'pre',
      authorLogin: rng.pick(managers),
      // GitHub's created_at of a release is the date of its commit, published_at when it went out.
      createdAt: iso(kind === 'draft' ? at : (target as MainCommit).at),
      publishedAt: kind === 'draft' ? null : iso(at),
    };
    out.push(made);
    if (kind === 'final') published.push({ release: made, target: target as MainCommit, publishedAt: at });
  };

  let minor = 14;
  const firstThursday = Math.floor(ctx.start / DAY) * DAY + ((4 - ((Math.floor(ctx.start / DAY) + 4) % 7) + 7) % 7) * DAY;
  const hotfixes = [...hotfixMerges].sort((a, b) => a - b);
  let lastPublished = ctx.start;
  for (let thursday = firstThursday + 7 * DAY; thursday < now; thursday += 14 * DAY) {
    const beta = clock.moment(thursday - 2 * DAY + 9 * HOUR, thursday - 2 * DAY + 16 * HOUR);
    release(`v3.${minor}.0-beta.1`, beta, 'pre');
    const at = clock.moment(thursday + 12 * HOUR, thursday + 16 * HOUR);
    if (at > now) break;
    release(`v3.${minor}.0`, at, 'final');
    lastPublished = at;
    // A hotfix merged before the next release ships at once as a patch release.
    const next = thursday + 14 * DAY;
    hotfixes.filter((t) => t > at && t < next).forEach((t, i) => release(`v3.${minor}.${i + 1}`, t + HOUR + rng.int(0, 40) * MINUTE, 'final'));
    minor += 1;
  }
  release(`v3.${minor}.0`, Math.max(lastPublished + HOUR, now - rng.int(2, 30) * HOUR), 'draft');
  const sorted = out.sort((a, b) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt) || b.id - a.id);
  return { releases: sorted, published };
}
