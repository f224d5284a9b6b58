import type { Distribution } from './types';

/**
 * The q-quantile (0 ≤ q ≤ 1) of values, interpolating linearly between closest ranks: the rank is
 * q·(n−1), and between ranks i and i+1 the value moves proportionally. This is Postgres'
 * `percentile_cont` and numpy's default. null for no values.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

/** p50 (the headline), p75, p90, n and the mean of the non-null values. */
export function distribution(values: readonly (number | null | undefined)[]): Distribution {
  const present = values.filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  if (present.length === 0) return { n: 0, p50: null, p75: null, p90: null, mean: null };
  return {
    n: present.length,
    p50: quantile(present, 0.5),
    p75: quantile(present, 0.75),
    p90: quantile(present, 0.9),
    mean: present.reduce((a, b) => a + b, 0) / present.length,
  };
}
