import { describe, expect, it } from 'vitest';
import { DORA_2023_THRESHOLDS, changeFailureRateBand, deploymentFrequencyBand, doraBands, leadTimeBand, recoveryTimeBand } from '@/metrics/delivery/bands';
import { deliveryMetrics } from '@/metrics/delivery/dora';
import { DAY, HOUR, deployment, mapping, options, settings, t } from './builders';

describe('DORA 2023 bands at every boundary', () => {
  it('deployment frequency: ≥ 5 deploy-days a week elite, ≥ 1 high, else ≥ 1 deploy-day a month medium, else low', () => {
    expect(deploymentFrequencyBand(5, 20)).toBe('elite');
    expect(deploymentFrequencyBand(4.5, 20)).toBe('high');
    expect(deploymentFrequencyBand(1, 4)).toBe('high');
    expect(deploymentFrequencyBand(0.5, 1)).toBe('medium');
    expect(deploymentFrequencyBand(0, 1)).toBe('medium');
    expect(deploymentFrequencyBand(0, 0.5)).toBe('low');
    expect(deploymentFrequencyBand(0, 0)).toBe('low');
    expect(deploymentFrequencyBand(null, null)).toBeNull();
  });

  it('lead time: under a day elite, under a week high, under 30 days medium, else low', () => {
    expect(leadTimeBand(DAY - 1)).toBe('elite');
    expect(leadTimeBand(DAY)).toBe('high');
    expect(leadTimeBand(7 * DAY - 1)).toBe('high');
    expect(leadTimeBand(7 * DAY)).toBe('medium');
    expect(leadTimeBand(30 * DAY - 1)).toBe('medium');
    expect(leadTimeBand(30 * DAY)).toBe('low');
    expect(leadTimeBand(null)).toBeNull();
  });

  it('change failure rate: ≤ 5% elite, ≤ 10% high, ≤ 15% medium, else low', () => {
    expect(changeFailureRateBand(0)).toBe('elite');
    expect(changeFailureRateBand(1 / 20)).toBe('elite');
    expect(changeFailureRateBand(0.0501)).toBe('high');
    expect(changeFailureRateBand(2 / 20)).toBe('high');
    expect(changeFailureRateBand(0.1001)).toBe('medium');
    expect(changeFailureRateBand(3 / 20)).toBe('medium');
    expect(changeFailureRateBand(0.15 + 1e-6)).toBe('low');
    expect(changeFailureRateBand(null)).toBeNull();
  });

  it('recovery time: under an hour elite, under a day high, under a week medium, else low', () => {
    expect(recoveryTimeBand(HOUR - 1)).toBe('elite');
    expect(recoveryTimeBand(HOUR)).toBe('high');
    expect(recoveryTimeBand(DAY - 1)).toBe('high');
    expect(recoveryTimeBand(DAY)).toBe('medium');
    expect(recoveryTimeBand(7 * DAY - 1)).toBe('medium');
    expect(recoveryTimeBand(7 * DAY)).toBe('low');
    expect(recoveryTimeBand(null)).toBeNull();
  });

  it('shows its thresholds as data', () => {
    expect(DORA_2023_THRESHOLDS.changeFailureRate).toEqual({ elite: 0.05, high: 0.1, medium: 0.15 });
    expect(DORA_2023_THRESHOLDS.leadTime).toEqual({ elite: DAY, high: 7 * DAY, medium: 30 * DAY });
    expect(
      doraBands({ medianDeployDaysPerWeek: null, medianDeployDaysPerMonth: null, leadTimeSeconds: null, changeFailureRate: null, recoverySeconds: null }),
    ).toEqual({
      deploymentFrequency: null,
      leadTime: null,
      changeFailureRate: null,
      recoveryTime: null,
    });
  });
});

describe('change failure rate bands from real counts', () => {
  // 20 deployments in one week, one an hour from Monday 00:00; the first `failed` of them fail.
  const week = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') };
  const band = (failed: number) => {
    const deployments = Array.from({ length: 20 }, (_, i) =>
      deployment(`D${i}`, { finishedAt: new Date(week.from.getTime() + (i + 1) * HOUR * 1000).toISOString(), outcome: i < failed ? 'failure' : 'success' }),
    );
    const m = deliveryMetrics({ deployments, prs: [], mapping: mapping([]), incidents: [] }, week, options(), settings);
    return [m.changeFailureRate.value, m.bands.changeFailureRate];
  };

  it('1 of 20 = 5% elite, 2 = 10% high, 3 = 15% medium, 4 = 20% low', () => {
    expect(band(1)).toEqual([0.05, 'elite']);
    expect(band(2)).toEqual([0.1, 'high']);
    expect(band(3)).toEqual([0.15, 'medium']);
    expect(band(4)).toEqual([0.2, 'low']);
  });
});

describe('no deployment data', () => {
  it('gives no bands rather than low ones', () => {
    const m = deliveryMetrics(
      { deployments: [], prs: [], mapping: mapping([]), incidents: [] },
      { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') },
      options(),
      settings,
    );
    expect(m.bands).toEqual({ deploymentFrequency: null, leadTime: null, changeFailureRate: null, recoveryTime: null });
  });
});
