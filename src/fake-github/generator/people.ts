/**
 * Who works at acme: eight engineers in three GitHub teams, one former engineer whose account was
 * deleted (GitHub then shows "ghost" and the API returns a null user), and the bots that every real
 * org accumulates. Bots keep their real GitHub ids; the metrics must recognise them by type or by
 * the `[bot]` suffix, never by id.
 */
import type { FakeTeam, FakeUser } from '../model';
import type { Ids } from './ids';
import type { Rng } from './random';

export interface Person {
  /** null: the deleted account. Everything they did survives with a null author. */
  login: string | null;
  teams: string[];
  /** Epoch ms after which they no longer open or review PRs (they left); Infinity if still here. */
  activeUntil: number;
}

export const BOT = {
  dependabot: 'dependabot[bot]',
  renovate: 'renovate[bot]',
  codecov: 'codecov[bot]',
  actions: 'github-actions[bot]',
} as const;

const BOT_IDS: Record<string, number> = {
  [BOT.dependabot]: 49699333,
  [BOT.renovate]: 29139614,
  [BOT.codecov]: 22429695,
  [BOT.actions]: 41898282,
};

const ENGINEERS: { login: string; teams: string[] }[] = [
  { login: 'alice-chen', teams: ['backend', 'platform'] },
  { login: 'bruno-silva', teams: ['backend'] },
  { login: 'chioma-eze', teams: ['backend'] },
  { login: 'dmitri-volkov', teams: ['backend', 'platform'] },
  { login: 'elena-garcia', teams: ['frontend', 'mobile'] },
  { login: 'farah-khan', teams: ['frontend', 'mobile'] },
  { login: 'gustav-berg', teams: ['frontend', 'platform'] },
  { login: 'hana-sato', teams: ['frontend', 'mobile'] },
];

const TEAM_NAMES: Record<string, string> = { backend: 'Backend', frontend: 'Frontend', platform: 'Platform', mobile: 'Mobile' };

export interface People {
  users: FakeUser[];
  teams: FakeTeam[];
  engineers: Person[];
  /** The deleted account: on the backend team until a third of the way into the window. */
  ghost: Person;
  /** Engineers (and the ghost while active) of a team at time t. */
  teamAt(slug: string, t: number): Person[];
}

export function createPeople(rng: Rng, ids: Ids, windowStart: number, windowEnd: number): People {
  const engineers: Person[] = ENGINEERS.map((e) => ({ login: e.login, teams: e.teams, activeUntil: Infinity }));
  const ghost: Person = { login: null, teams: ['backend'], activeUntil: windowStart + (windowEnd - windowStart) * 0.3 };

  const taken = new Set(Object.values(BOT_IDS));
  const users: FakeUser[] = engineers.map((person) => {
    // Human ids from the years these accounts would have been created; never a bot's id.
    let id = rng.int(1_200_000, 98_000_000);
    while (taken.has(id)) id += 1;
    taken.add(id);
    return { id, nodeId: ids.nodeId('user', id), login: person.login as string, type: 'User' as const };
  });
  for (const login of Object.values(BOT)) {
    const id = BOT_IDS[login] as number;
    users.push({ id, nodeId: ids.nodeId('bot', id), login, type: 'Bot' });
  }

  // The ghost left the team when the account was deleted, so no team lists it any more.
  const teams: FakeTeam[] = Object.entries(TEAM_NAMES).map(([slug, name]) => ({
    slug,
    name,
    memberLogins: engineers.filter((e) => e.teams.includes(slug)).map((e) => e.login as string),
  }));

  const everyone = [...engineers, ghost];
  return {
    users,
    teams,
    engineers,
    ghost,
    teamAt: (slug, t) => everyone.filter((p) => p.teams.includes(slug) && p.activeUntil > t),
  };
}

/** Someone from the team other than the author, preferring people not in `exclude`. */
export function pickColleague(rng: Rng, candidates: readonly Person[], author: string | null, exclude: readonly (string | null)[] = []): Person | undefined {
  // The ghost is the only null login, so this also keeps the ghost from reviewing its own PRs.
  const others = candidates.filter((p) => p.login !== author);
  const fresh = others.filter((p) => !exclude.includes(p.login));
  const pool = fresh.length > 0 ? fresh : others;
  return pool.length > 0 ? rng.pick(pool) : undefined;
}
