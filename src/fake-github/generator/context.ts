/**
 * What every part of the generator is handed: the org-wide world (time window, id factory, people)
 * and, per repository, its profile, its own random stream and a working-hours clock on that stream.
 */
import { Clock } from './clock';
import type { Ids } from './ids';
import type { People, Person } from './people';
import { type Rng, rngFor } from './random';
import type { RepoProfile } from './repos';

export interface World {
  seed: number;
  now: number;
  /** now − weeks: where generated activity begins. */
  start: number;
  weeks: number;
  pullRequestsPerRepoWeek: number;
  owner: string;
  ids: Ids;
  people: People;
}

export interface RepoContext extends World {
  profile: RepoProfile;
  fullName: string;
  rng: Rng;
  clock: Clock;
  /** The repo's team (people who review here) at time t. */
  team: (t: number) => Person[];
  /** An independent stream for one concern of this repo, e.g. `fork('ci')`. */
  fork: (label: string) => Rng;
}

export function repoContext(world: World, profile: RepoProfile): RepoContext {
  const fullName = `${world.owner}/${profile.name}`;
  const rng = rngFor(world.seed, 'repo', fullName);
  const clock = new Clock(rng);
  return {
    ...world,
    profile,
    fullName,
    rng,
    clock,
    team: (t) => world.people.teamAt(profile.team, t),
    fork: (label) => rngFor(world.seed, 'repo', fullName, label),
  };
}
