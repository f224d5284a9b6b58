/**
 * What the registry says about one metric (its catalogue definition is attached from
 * src/metrics/catalogue.ts): how its headline aggregates, its weekly series, its member columns and
 * rows, where the dashboard and the report show it, and how its change is compared.
 */
import type { RepositoryLevel } from '@/metrics/coverage/coverage-metrics';
import type { DoraBands } from '@/metrics/delivery';
import type { MetricOptions } from '@/metrics/types';
import type { ComputedMetrics } from '../compute-metrics';
import type { Column, Headline, MemberRow, WeekValue } from '../metric-view.types';

/** One metric over one computed period: the number, its weeks, and what it was computed from. */
export interface MetricView {
  headline: Headline;
  weekly: WeekValue[];
  columns: Column[];
  /** Built only when asked for (the explanation): the overview and the report need the headline alone. */
  rows: () => MemberRow[];
}

/** What a view reads of the options: the weeks' clock and zone, and the preset (DevLake's columns). */
export type WeekOptions = Pick<MetricOptions, 'now' | 'timeZone' | 'preset'>;

/**
 * Where a metric is shown, by its position there (1 first):
 * `overview`: the headline cards of the overview and of a repository's page;
 * `report`: the weekly report's headline numbers;
 * `reportByRepository`: the columns of the weekly report's per-repository table.
 */
export type Placement = 'overview' | 'report' | 'reportByRepository';

export interface MetricEntry {
  /** The headline, weekly series and members over a computed period. */
  view: (c: ComputedMetrics, options: WeekOptions, repoNames: ReadonlyMap<number, string>) => MetricView;
  /** Its DORA 2023 band (docs/metrics.md#performance-bands-dora-2023-as-devlake-implements-them). */
  band?: keyof DoraBands;
  shownIn?: Partial<Record<Placement, number>>;
  /**
   * A level per repository (coverage): its change between periods is then the mean of the
   * per-repository changes over the repositories with a level at both ends, and the others are
   * named (docs/metrics.md#all-repositories), instead of the difference of the headlines.
   */
  levels?: (c: ComputedMetrics) => readonly RepositoryLevel[];
}
