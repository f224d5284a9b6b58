/**
 * The ordinary flow of work in a repository: each week a handful of human PRs of every kind, plus
 * the dependency bot's batch. The probabilities below are what gives the demo plausible medians
 * (pickup of a few working hours, cycle time of a day or two) and long tails for p90.
 */
import { DAY, HOUR, MINUTE, WEEK } from './clock';
import type { RepoContext } from './context';
import type { Person } from './people';
import { BOT } from './people';
import { simulateStory } from './pr-story';
import type { Rng } from './random';
import type { PrStory, StorySpec } from './story';
import { depsBump, humanTitle, type PrKind } from './titles';

const MEDIAN_LINES: Record<PrKind, number> = { feature: 170, fix: 35, chore: 90, docs: 25, deps: 40, hotfix: 12, revert: 0 };

/** Lines changed, log-normal with an occasional generated-code monster for the long tail. */
export function drawSize(rng: Rng, kind: PrKind): StorySpec['size'] {
  if (kind === 'deps') {
    const lockfile = Math.round(rng.logNormal(40, 1.1));
    return { additions: lockfile + 1, deletions: lockfile + 1, changedFiles: 2 };
  }
  let lines = Math.max(1, Math.round(rng.logNormal(MEDIAN_LINES[kind], 1.0)));
  if (rng.chance(0.03)) lines *= rng.int(8, 30);
  const additions = Math.round(lines * (kind === 'chore' ? rng.float(0.3, 0.6) : rng.float(0.55, 0.92)));
  return {
    additions,
    deletions: lines - additions,
    changedFiles: Math.min(3000, Math.max(1, Math.round(lines / rng.float(20, 60)) + rng.int(0, 2))),
  };
}

/** A human PR's path, drawn at random. Scenarios start from this and pin what they need. */
export function drawSpec(ctx: RepoContext, kind: PrKind, author: Person, createdAt: number): StorySpec {
  const { rng } = ctx;
  const { title, headRef } = humanTitle(rng, ctx.profile.name, kind === 'hotfix' || kind === 'revert' || kind === 'deps' ? 'fix' : kind, author.login);
  const flow = rng.weighted<StorySpec['flow']>([
    ['approve', 55],
    ['changes', 18],
    ['changesTwice', 4],
    ['comment', 12],
    ['dismissed', 2],
    ['commentOnly', 3],
    ['none', 6],
  ]);
  return {
    kind,
    author,
    createdAt,
    title,
    headRef,
    labels: kind === 'docs' ? ['documentation'] : kind === 'fix' ? ['bug'] : kind === 'feature' && rng.chance(0.5) ? ['enhancement'] : [],
    draft: rng.weighted<StorySpec['draft']>([
      ['no', 85],
      ['ready', 11],
      ['reviewedBeforeReady', 2],
      ['toggled', 2],
    ]),
    request: rng.weighted<StorySpec['request']>([
      ['users', 70],
      ['team', 20],
      ['none', 10],
    ]),
    reviewerCount: rng.chance(0.35) ? 2 : 1,
    removeExtraRequest: rng.chance(0.04),
    flow,
    ending: rng.weighted<StorySpec['ending']>([
      ['merge', 80],
      ['mergeByReviewer', 9],
      ['close', 7],
      ['open', 1.5],
    ]),
    codingMedian: { feature: 7, fix: 2, chore: 3, docs: 1, deps: 0, hotfix: 0.5, revert: 0.1 }[kind] * HOUR,
    pickupMedian: (kind === 'fix' ? 1.5 : kind === 'docs' ? 4 : 2.5) * HOUR,
    mergeDelayMedian: 40 * MINUTE,
    commitsBefore: rng.weighted([
      [1, 40],
      [2, 30],
      [3, 18],
      [4, 8],
      [6, 4],
    ]),
    pendingReview: rng.chance(0.03),
    botReview: ctx.profile.name.startsWith('web') && rng.chance(0.3),
    discussion: rng.chance(0.15),
    urgent: false,
    forkDeleted: false,
    revertOf: null,
    size: drawSize(rng, kind),
  };
}

/** Team members mostly; now and then someone from another team (or, early on, the ghost). */
function drawAuthor(ctx: RepoContext, at: number): Person {
  const team = ctx.team(at);
  const outsiders = ctx.people.engineers.filter((p) => !team.includes(p));
  return ctx.rng.chance(0.12) && outsiders.length > 0 ? ctx.rng.pick(outsiders) : ctx.rng.pick(team.length > 0 ? team : ctx.people.engineers);
}

/** Dependabot opens its batch early on Monday morning; Renovate runs "every weekend". */
function depsStories(ctx: RepoContext, weekStart: number, weekEnd: number): PrStory[] {
  const { rng } = ctx;
  const bot = ctx.profile.depsBot;
  const login = bot === 'dependabot' ? BOT.dependabot : BOT.renovate;
  const stories: PrStory[] = [];
  const firstDay = Math.floor(weekStart / DAY) * DAY;
  for (let day = firstDay; day < weekEnd; day += DAY) {
    const weekday = (Math.floor(day / DAY) + 4) % 7;
    if (weekday !== (bot === 'dependabot' ? 1 : 6)) continue;
    for (let k = rng.int(0, 2); k > 0; k--) {
      const createdAt = day + (bot === 'dependabot' ? 4.5 : 2) * HOUR + rng.int(0, 50) * MINUTE;
      if (createdAt < weekStart || createdAt >= weekEnd) continue;
      const bump = depsBump(rng, bot);
      const author: Person = { login, teams: [], activeUntil: Infinity };
      const spec = drawSpec(ctx, 'deps', author, createdAt);
      const automerge = bot === 'renovate' && rng.chance(0.5);
      stories.push(
        simulateStory(
          rng,
          ctx.clock,
          {
            ...spec,
            title: bump.title,
            headRef: bump.headRef,
            labels: bump.labels,
            draft: 'no',
            commitsBefore: 1,
            request: rng.chance(0.5) ? 'team' : 'none',
            removeExtraRequest: false,
            pendingReview: false,
            discussion: false,
            flow: automerge
              ? 'none'
              : rng.weighted([
                  ['approve', 60],
                  ['none', 40],
                ]),
            ending: automerge
              ? 'botAutomerge'
              : rng.weighted([
                  ['merge', 78],
                  ['close', 22],
                ]),
          },
          ctx.team,
          ctx.profile.team,
        ),
      );
    }
  }
  return stories;
}

export function plannedStories(ctx: RepoContext): PrStory[] {
  const { rng } = ctx;
  const stories: PrStory[] = [];
  for (let week = 0; week < ctx.weeks; week++) {
    const weekStart = ctx.start + week * WEEK;
    const weekEnd = Math.min(ctx.now, weekStart + WEEK);
    const bots = depsStories(ctx, weekStart, weekEnd);
    const total = Math.round(ctx.pullRequestsPerRepoWeek * ctx.profile.activity * rng.float(0.7, 1.3));
    for (let k = Math.max(0, total - bots.length); k > 0; k--) {
      const createdAt = ctx.clock.moment(weekStart, weekEnd);
      const author = drawAuthor(ctx, createdAt);
      const kind = rng.weighted<PrKind>([
        ['feature', 45],
        ['fix', 30],
        ['chore', 18],
        ['docs', 7],
      ]);
      stories.push(simulateStory(rng, ctx.clock, drawSpec(ctx, kind, author, createdAt), ctx.team, ctx.profile.team));
    }
    stories.push(...bots);
  }
  return stories;
}
