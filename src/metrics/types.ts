/**
 * The shapes every metric shares. Metrics are pure: records + options in, numbers (with the members
 * they were computed from) out. No I/O, no clock: `now` is an option.
 *
 * Durations are seconds. A timestamp is a Date (UTC instant).
 */

/** `[from, to)`: an item belongs to a period when its attribution time is at or after `from` and before `to`. */
export interface Period {
  from: Date;
  to: Date;
}

/** `default`: Leadline's definitions (docs/metrics.md). `devlake`: Apache DevLake's, for teams migrating from it. */
export type Preset = 'default' | 'devlake';

export interface MetricOptions {
  now: Date;
  /** IANA zone for weeks and business time. */
  timeZone: string;
  /** Count no time on Saturdays and Sundays (in `timeZone`). */
  businessTime: boolean;
  /** Bots are excluded as authors, reviewers and requesters unless this is set (it brings bot-authored PRs back). */
  includeBots: boolean;
  /** Extra bot logins from the configuration. */
  botLogins: readonly string[];
  preset: Preset;
}

export const DEFAULT_OPTIONS: Omit<MetricOptions, 'now'> = {
  timeZone: 'UTC',
  businessTime: false,
  includeBots: false,
  botLogins: [],
  preset: 'default',
};

/** An account as the metrics see it. null login: a deleted account ("ghost"), never a bot. */
export interface Account {
  login: string | null;
  /** GitHub's account type: User, Bot, Organization, Mannequin. */
  type: string | null;
}

/** The median headline with its spread. Percentiles interpolate linearly between closest ranks. */
export interface Distribution {
  n: number;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  /** Optional context, never the headline. */
  mean: number | null;
}

/**
 * A number and what it was computed from. Every aggregate can be opened: its members each carry
 * their own value, so a person can recompute the number by hand.
 */
export interface Aggregate<M> {
  value: Distribution;
  members: M[];
}

/** A rate (e.g. change failure rate) with its numerator and denominator members. */
export interface Rate<M> {
  /** numerator / denominator, or null when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number;
  members: M[];
}

/** One point of a weekly series; `partial` marks the week that contains `now`. */
export interface WeekPoint<V> {
  /** ISO week key, e.g. `2026-W45`. */
  week: string;
  /** The week's first instant (Monday 00:00 in the configured zone). */
  start: Date;
  partial: boolean;
  value: V;
}
