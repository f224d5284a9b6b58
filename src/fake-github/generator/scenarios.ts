/**
 * Scripted pull requests: the edge cases every metric must handle, pinned to fixed points of the
 * window so that they exist for every seed. Each is a normal story with its path forced; the
 * comment above each says which rule of docs/metrics.md it exercises. Repositories beyond the first
 * four profiles get no scripts, only the random flow.
 */
import { Clock, DAY, HOUR, MINUTE, subtractWorkingTime } from './clock';
import type { RepoContext } from './context';
import type { Person } from './people';
import { drawSpec } from './plan';
import { simulateStory } from './pr-story';
import type { PrStory, StorySpec } from './story';
import { type PrKind, slug } from './titles';

export interface IncidentPlan {
  title: string;
  createdAt: number;
  authorLogin: string;
  /** The hotfix whose deployment ends the incident; the issue is closed a little after. */
  resolvedBy: PrStory;
}

export interface Scripted {
  stories: PrStory[];
  incidents: IncidentPlan[];
}

const PLAIN: Partial<StorySpec> = { draft: 'no', request: 'users', flow: 'approve', ending: 'merge', pendingReview: false, removeExtraRequest: false };

export function scriptedStories(repoCtx: RepoContext): Scripted {
  // A stream of its own: the scripts stay put when the volume of random PRs changes.
  const rng = repoCtx.fork('scenarios');
  const ctx: RepoContext = { ...repoCtx, rng, clock: new Clock(rng) };
  /** A working-hours moment just after a fraction of the window (0.4: 40% of the way to now). */
  const at = (fraction: number) => {
    const from = ctx.start + (ctx.now - ctx.start) * fraction;
    return ctx.clock.moment(from, Math.min(ctx.now, from + 2 * DAY), 0);
  };
  const who = (login: string): Person => ctx.people.engineers.find((p) => p.login === login) as Person;
  const story = (kind: PrKind, author: Person, createdAt: number, pinned: Partial<StorySpec>) => {
    const drawn = drawSpec(ctx, kind, author, createdAt);
    // A pinned title gets a branch named after it, as people do.
    const headRef = pinned.title ? `${author.login?.split('-')[0] ?? 'ivan'}/${slug(pinned.title)}` : drawn.headRef;
    return simulateStory(rng, ctx.clock, { ...drawn, headRef, ...PLAIN, ...pinned }, ctx.team, ctx.profile.team);
  };
  const stories: PrStory[] = [];
  const incidents: IncidentPlan[] = [];
  const add = (...s: PrStory[]) => stories.push(...s);

  /** Change-failure rule (c): a merged PR, reverted a working day after it shipped. */
  const revert = (target: PrStory, author: Person) => {
    const createdAt = ctx.clock.after((target.end as { at: number }).at, 7 * HOUR);
    return story('revert', author, createdAt, {
      title: `Revert "${target.title}"`,
      revertOf: target,
      labels: [],
      commitsBefore: 1,
      codingMedian: 5 * MINUTE,
      pickupMedian: 20 * MINUTE,
      mergeDelayMedian: 10 * MINUTE,
      size: { additions: target.size.deletions, deletions: target.size.additions, changedFiles: target.size.changedFiles },
    });
  };
  /** Incident response: wall-clock delays, a small change, a quick (or no) review. */
  const hotfix = (author: Person, at: number, pinned: Partial<StorySpec>) =>
    story('hotfix', author, at, {
      urgent: true,
      commitsBefore: 1,
      codingMedian: 20 * MINUTE,
      pickupMedian: 15 * MINUTE,
      mergeDelayMedian: 8 * MINUTE,
      size: { additions: 9, deletions: 3, changedFiles: 2 },
      ...pinned,
    });
  const base = ctx.profile.name.replace(/-\d+$/, '');
  const nowish = (workingHours: number) => Math.max(ctx.start, subtractWorkingTime(ctx.now, workingHours * HOUR));

  if (base === 'api') {
    const alice = who('alice-chen'),
      bruno = who('bruno-silva'),
      chioma = who('chioma-eze'),
      dmitri = who('dmitri-volkov');
    const ghost = ctx.people.ghost;
    // The deleted account: a PR it authored and merged itself (author and merger null) ...
    add(story('feature', ghost, at(0.04), { title: 'Add idempotency keys to payment endpoints', headRef: 'ivan/feat-idempotency-keys', reviewers: [bruno] }));
    // ... and a review it gave (review author null, and the request's reviewer null).
    add(story('fix', bruno, at(0.1), { title: 'Fix race in webhook retry scheduler', reviewers: [ghost], flow: 'changes' }));
    // A review of a draft, before ready_for_review: counts as at ready_at.
    add(story('feature', chioma, at(0.28), { title: 'Add cursor pagination to /orders', draft: 'reviewedBeforeReady' }));
    // A stale approval dismissed by a push, then approved again.
    add(story('chore', dmitri, at(0.33), { flow: 'dismissed', reviewers: [alice] }));
    // Re-requested twice: requested → CHANGES_REQUESTED → requested → CHANGES_REQUESTED → requested → APPROVED.
    add(story('feature', alice, at(0.37), { title: 'Support CSV order import', flow: 'changesTwice', reviewers: [dmitri] }));
    const target = story('feature', bruno, at(0.42), { title: 'Add bulk export endpoint for orders', headRef: 'bruno/feat-bulk-export', reviewers: [chioma] });
    add(target, revert(target, chioma));
    // A team request plus a user request that is withdrawn before that user answers.
    add(story('feature', dmitri, at(0.5), { request: 'team', removeExtraRequest: true }));
    // A PENDING review (never submitted) left behind on a merged PR.
    add(story('fix', alice, at(0.55), { pendingReview: true, reviewers: [bruno, chioma] }));
    // Rule (b) and (d): an incident after a production deployment, ended by a labelled hotfix.
    const incidentAt = at(0.62);
    const fix = hotfix(dmitri, incidentAt + 25 * MINUTE, {
      title: 'Restore idempotency check on payment retries',
      headRef: 'hotfix/payment-idempotency',
      labels: ['hotfix', 'bug'],
      reviewers: [alice],
    });
    add(fix);
    incidents.push({ title: 'Duplicate charges after payment retries', createdAt: incidentAt, authorLogin: 'bruno-silva', resolvedBy: fix });
    // At `now`: a PR waiting for its first review, and a draft still in progress.
    add(story('feature', bruno, nowish(5), { title: 'Add audit log export', flow: 'none', ending: 'open', reviewers: [chioma, dmitri] }));
    add(story('feature', chioma, nowish(20), { title: 'Introduce GraphQL schema for orders', draft: 'stays', flow: 'none', ending: 'open' }));
  } else if (base === 'web') {
    const elena = who('elena-garcia'),
      farah = who('farah-khan'),
      gustav = who('gustav-berg'),
      hana = who('hana-sato');
    // Opened ready, converted back to draft during review, then ready again (ready_at stays created_at).
    add(story('feature', elena, at(0.22), { draft: 'toggled', flow: 'comment', reviewers: [farah] }));
    add(story('chore', gustav, at(0.3), { removeExtraRequest: true, reviewers: [hana] }));
    // From a fork that was deleted after the merge: headRepoFullName null.
    add(
      story('fix', hana, at(0.4), {
        title: 'Fix date picker off-by-one west of UTC',
        headRef: 'patch-1',
        forkDeleted: true,
        ending: 'mergeByReviewer',
        reviewers: [elena],
      }),
    );
    // Self-merged: the author merges after a COMMENTED review, with no approval.
    add(story('chore', farah, at(0.55), { flow: 'commentOnly', reviewers: [gustav] }));
    const target = story('feature', gustav, at(0.6), { title: 'Lazy-load dashboard widgets', headRef: 'gustav/feat-lazy-widgets', reviewers: [elena] });
    add(target, revert(target, elena));
    // Rule (d) by branch name alone: `hotfix/…` without the label.
    add(
      hotfix(elena, at(0.72), { title: 'Fix checkout crash when the cart is empty', headRef: 'hotfix/empty-cart-crash', labels: ['bug'], reviewers: [hana] }),
    );
    // At `now`: an open PR with a review started but not submitted.
    add(
      story('feature', gustav, nowish(26), {
        title: 'Add keyboard shortcuts to the invoice table',
        flow: 'none',
        ending: 'open',
        pendingReview: true,
        reviewers: [farah, hana],
      }),
    );
  } else if (base === 'mobile') {
    const elena = who('elena-garcia'),
      farah = who('farah-khan'),
      hana = who('hana-sato');
    // Labelled hotfix on a hotfix/ branch, shipped as a patch release (releases.ts).
    add(
      hotfix(hana, at(0.5), {
        title: 'Fix crash on launch on Android 15',
        headRef: 'hotfix/android-15-launch-crash',
        labels: ['hotfix', 'bug'],
        reviewers: [farah],
      }),
    );
    // An unreviewed merge by a human.
    add(story('fix', farah, at(0.66), { title: 'Fix typo in onboarding copy', flow: 'none', request: 'none' }));
    // Abandoned: commented on early, still open at `now`.
    add(story('feature', elena, at(0.12), { title: 'Add tablet layout for order history', flow: 'commentOnly', ending: 'open', reviewers: [hana] }));
  } else if (base === 'infra') {
    const alice = who('alice-chen'),
      dmitri = who('dmitri-volkov'),
      gustav = who('gustav-berg');
    add(story('chore', alice, at(0.3), { removeExtraRequest: true, reviewers: [dmitri] }));
    // A Saturday-night incident: hotfix merged by its author with no review, on the weekend.
    const from = at(0.74);
    const saturday = Math.floor(from / DAY) * DAY + ((6 - ((Math.floor(from / DAY) + 4) % 7) + 7) % 7) * DAY + 21.5 * HOUR;
    if (saturday < ctx.now - 6 * HOUR) {
      const fix = hotfix(gustav, saturday + 20 * MINUTE, {
        title: 'Restore status page DNS record',
        headRef: 'hotfix/status-page-dns',
        labels: ['hotfix'],
        flow: 'none',
        request: 'none',
      });
      add(fix);
      incidents.push({ title: 'Status page unreachable (DNS)', createdAt: saturday, authorLogin: 'dmitri-volkov', resolvedBy: fix });
    }
  }
  return { stories: stories.filter((s) => s.createdAt <= ctx.now), incidents: incidents.filter((i) => i.createdAt <= ctx.now) };
}
