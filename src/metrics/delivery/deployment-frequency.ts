/**
 * Deployment frequency (docs/metrics.md#deployment-frequency): successful production deployments per ISO week in the
 * configured zone, and deploy-days per week: the distinct local dates with at least one successful
 * production deployment. Deployments count in the period (and week, and day) of `finishedAt`. The
 * medians run over every week (and calendar month) overlapping the period, empty ones included as 0;
 * the band reads the median deploy-days per week, and per month below one a week.
 */
import { weekly } from '../aggregate';
import { distribution } from '../percentiles';
import { inPeriod } from '../time';
import type { Distribution, MetricOptions, Period, WeekPoint } from '../types';
import { isoWeekKey } from '../weeks';
import { localDate, monthsOverlapping } from './calendar';
import { isSuccessful, type Deployment } from './deployment';

/** A successful production deployment of the period, with its local date and ISO week. */
export interface DeploymentDayMember {
  deploymentId: string;
  repoId: number;
  repo: string;
  label: string;
  finishedAt: Date;
  /** Local date of `finishedAt`, `yyyy-MM-dd`. */
  date: string;
  week: string;
}

/** One week: successful deployments, and deploy-days (distinct local dates with one). */
export interface FrequencyWeek {
  deployments: number;
  deployDays: number;
  /** The local dates with a deployment. */
  dates: string[];
}

/** Successful production deployments per week and deploy-days per week over the period. */
export interface DeploymentFrequency {
  /** Successful production deployments finished in the period. */
  deployments: DeploymentDayMember[];
  count: number;
  /** Over the weeks overlapping the period: deployments per week (p50 the headline). */
  perWeek: Distribution;
  /** Over the weeks overlapping the period: deploy-days per week. */
  deployDaysPerWeek: Distribution;
  /** `deployDaysPerWeek.p50`: what the band reads. */
  medianDeployDaysPerWeek: number | null;
  /** Deploy-days per calendar month overlapping the period. */
  deployDaysPerMonth: { month: string; start: Date; deployDays: number }[];
  medianDeployDaysPerMonth: number | null;
  weekly: WeekPoint<FrequencyWeek>[];
}

const distinct = (values: readonly string[]) => [...new Set(values)].sort();

/** Deployments and deploy-days per week over the period, with their medians. */
export function deploymentFrequency(deployments: readonly Deployment[], period: Period, options: Pick<MetricOptions, 'now' | 'timeZone'>): DeploymentFrequency {
  const members: DeploymentDayMember[] = deployments
    .filter(isSuccessful)
    .filter((d) => inPeriod(d.finishedAt, period))
    .sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime())
    .map((d) => ({
      deploymentId: d.id,
      repoId: d.repoId,
      repo: d.repo,
      label: d.label,
      finishedAt: d.finishedAt,
      date: localDate(d.finishedAt, options.timeZone),
      week: isoWeekKey(d.finishedAt, options.timeZone),
    }));
  const weeks = weekly(
    members,
    period,
    options,
    (m) => m.finishedAt,
    (inWeek): FrequencyWeek => {
      const dates = distinct(inWeek.map((m) => m.date));
      return { deployments: inWeek.length, deployDays: dates.length, dates };
    },
  );
  const months = monthsOverlapping(period, options.timeZone).map((month) => ({
    month: month.key,
    start: month.from,
    deployDays: distinct(members.filter((m) => inPeriod(m.finishedAt, month)).map((m) => m.date)).length,
  }));
  const deployDaysPerWeek = distribution(weeks.map((w) => w.value.deployDays));
  return {
    deployments: members,
    count: members.length,
    perWeek: distribution(weeks.map((w) => w.value.deployments)),
    deployDaysPerWeek,
    medianDeployDaysPerWeek: deployDaysPerWeek.p50,
    deployDaysPerMonth: months,
    medianDeployDaysPerMonth: distribution(months.map((m) => m.deployDays)).p50,
    weekly: weeks,
  };
}
