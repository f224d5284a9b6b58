/**
 * The CI health numbers of one set of runs (the whole org, or one workflow): success rate, flaky
 * rate, duration, queue time, red time, and the same per week. Runs count in the period of their
 * `createdAt`; red stretches in the period of their end.
 */
import { aggregate, rate, weekly } from '../aggregate';
import { distribution } from '../percentiles';
import { inPeriod } from '../time';
import type { Aggregate, Distribution, MetricOptions, Period, Rate, WeekPoint } from '../types';
import type { OngoingRed, RedStretch, RedTime } from './red-time';
import type { CiRunMember } from './run-member';

export interface CiWeek {
  /** Runs created in the week (any conclusion, unfinished included). */
  runs: number;
  /** Runs with an outcome: success + failure + timed_out + startup_failure. */
  outcomes: number;
  successes: number;
  successRate: number | null;
  flaky: number;
  flakyRate: number | null;
  duration: Distribution;
  queue: Distribution;
  /** Red stretches that ended in the week. */
  red: Distribution;
  redTotalSeconds: number;
}

export interface CiSummary {
  /** Runs created in the period, whatever their conclusion. */
  runs: number;
  /** success / runs with an outcome. Members: the runs with an outcome. */
  successRate: Rate<CiRunMember>;
  /** flaky / runs with an outcome. Members: the runs with an outcome. */
  flakyRate: Rate<CiRunMember>;
  /** `updatedAt − runStartedAt` of the latest attempt, over runs with an outcome (p50, p90). */
  duration: Aggregate<CiRunMember>;
  /** `runStartedAt − createdAt`, over runs with an outcome. */
  queue: Aggregate<CiRunMember>;
  redTime: {
    /** Stretches that ended in the period: the median and the spread of their lengths. */
    stretches: Aggregate<RedStretch>;
    /** Sum of the lengths of those stretches. */
    totalSeconds: number;
    /** Stretches still red at `now`, whatever the period. */
    ongoing: OngoingRed[];
  };
  /** One point per ISO week overlapping the period, counting only the period's runs and stretches. */
  weekly: WeekPoint<CiWeek>[];
}

const byCreation = (r: CiRunMember) => r.at;
const byEnd = (s: RedStretch) => s.endedAt;
const hasOutcome = (r: CiRunMember) => r.outcome !== null;
const sum = (values: readonly (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);

export function ciSummary(runs: readonly CiRunMember[], red: RedTime, period: Period, options: Pick<MetricOptions, 'now' | 'timeZone'>): CiSummary {
  const inside = runs.filter((r) => inPeriod(r.at, period));
  const outcomes = inside.filter(hasOutcome);
  const stretches = aggregate(red.stretches, period, byEnd, (s) => s.seconds);
  const endedInside = stretches.members;
  return {
    runs: inside.length,
    successRate: rate(inside, period, byCreation, hasOutcome, (r) => r.outcome === 'success'),
    flakyRate: rate(inside, period, byCreation, hasOutcome, (r) => r.flaky),
    duration: aggregate(outcomes, period, byCreation, (r) => r.durationSeconds),
    queue: aggregate(outcomes, period, byCreation, (r) => r.queueSeconds),
    redTime: { stretches, totalSeconds: sum(endedInside.map((s) => s.seconds)), ongoing: red.ongoing },
    weekly: ciWeekly(inside, endedInside, period, options),
  };
}

type Item = { kind: 'run'; run: CiRunMember } | { kind: 'red'; stretch: RedStretch };

function ciWeekly(runs: CiRunMember[], stretches: RedStretch[], period: Period, options: Pick<MetricOptions, 'now' | 'timeZone'>): WeekPoint<CiWeek>[] {
  const items: Item[] = [...runs.map((run): Item => ({ kind: 'run', run })), ...stretches.map((stretch): Item => ({ kind: 'red', stretch }))];
  const at = (item: Item) => (item.kind === 'run' ? byCreation(item.run) : byEnd(item.stretch));
  return weekly(items, period, options, at, (inWeek) => {
    const weekRuns = inWeek.flatMap((i) => (i.kind === 'run' ? [i.run] : []));
    const weekRed = inWeek.flatMap((i) => (i.kind === 'red' ? [i.stretch.seconds] : []));
    const withOutcome = weekRuns.filter(hasOutcome);
    const successes = withOutcome.filter((r) => r.outcome === 'success').length;
    const flaky = withOutcome.filter((r) => r.flaky).length;
    return {
      runs: weekRuns.length,
      outcomes: withOutcome.length,
      successes,
      successRate: withOutcome.length ? successes / withOutcome.length : null,
      flaky,
      flakyRate: withOutcome.length ? flaky / withOutcome.length : null,
      duration: distribution(withOutcome.map((r) => r.durationSeconds)),
      queue: distribution(withOutcome.map((r) => r.queueSeconds)),
      red: distribution(weekRed),
      redTotalSeconds: sum(weekRed),
    };
  });
}
