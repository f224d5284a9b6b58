import { describe, expect, it } from 'vitest';
import { localDate, monthsOverlapping } from '@/metrics/delivery/calendar';
import { deploymentFrequency } from '@/metrics/delivery/deployment-frequency';
import { deliveryMetrics } from '@/metrics/delivery/dora';
import { deployment, mapping, options, settings, t } from './builders';

describe('deploy-days in the configured time zone', () => {
  // Sunday 8 Nov 23:30 UTC is Monday 9 Nov 00:30 in Berlin (UTC+1); Monday 10:00 UTC and Tuesday
  // 10:00 UTC are Monday and Tuesday in both zones.
  const deployments = [
    deployment('sun', { finishedAt: '2026-11-08T23:30:00Z' }),
    deployment('mon', { finishedAt: '2026-11-09T10:00:00Z' }),
    deployment('tue', { finishedAt: '2026-11-10T10:00:00Z' }),
    deployment('failed', { finishedAt: '2026-11-11T10:00:00Z', outcome: 'failure' }), // not a successful deployment
  ];

  it('puts Sunday 23:30 UTC on Monday in Berlin: week 46 has 3 deployments on 2 deploy-days', () => {
    expect(localDate(t('2026-11-08T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-09');
    // Berlin's week 46: Mon 9 Nov 00:00 (8 Nov 23:00 UTC) to Mon 16 Nov 00:00 (15 Nov 23:00 UTC).
    const week46 = { from: t('2026-11-08T23:00:00Z'), to: t('2026-11-15T23:00:00Z') };
    const f = deploymentFrequency(deployments, week46, { now: t('2026-12-01T00:00:00Z'), timeZone: 'Europe/Berlin' });
    expect(f.count).toBe(3);
    expect(f.weekly.map((w) => [w.week, w.value])).toEqual([['2026-W46', { deployments: 3, deployDays: 2, dates: ['2026-11-09', '2026-11-10'] }]]);
    expect(f.deployments.map((d) => [d.label, d.date, d.week])).toEqual([
      ['sun', '2026-11-09', '2026-W46'],
      ['mon', '2026-11-09', '2026-W46'],
      ['tue', '2026-11-10', '2026-W46'],
    ]);
  });

  it('keeps it on Sunday, in week 45, in UTC', () => {
    const twoWeeks = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
    const f = deploymentFrequency(deployments, twoWeeks, { now: t('2026-12-01T00:00:00Z'), timeZone: 'UTC' });
    expect(f.weekly.map((w) => [w.week, w.value.deployments, w.value.deployDays])).toEqual([
      ['2026-W45', 1, 1],
      ['2026-W46', 2, 2],
    ]);
    // Deploy-days per week 1 and 2: median 1.5. Deployments per week 1 and 2: median 1.5.
    expect(f.medianDeployDaysPerWeek).toBe(1.5);
    expect(f.perWeek.p50).toBe(1.5);
  });
});

describe('deployment frequency over several weeks', () => {
  // Four UTC weeks from Mon 2 Nov. Week 45: Mon–Fri one deployment a day, two on Monday (6
  // deployments, 5 days). Week 46: one (1 day). Week 47: none. Week 48: Mon, Mon, Wed, Thu (4, 3 days).
  const at = [
    '2026-11-02T09:00:00Z',
    '2026-11-02T15:00:00Z',
    '2026-11-03T09:00:00Z',
    '2026-11-04T09:00:00Z',
    '2026-11-05T09:00:00Z',
    '2026-11-06T09:00:00Z',
    '2026-11-11T09:00:00Z',
    '2026-11-23T09:00:00Z',
    '2026-11-23T11:00:00Z',
    '2026-11-25T09:00:00Z',
    '2026-11-26T09:00:00Z',
  ];
  const deployments = at.map((finishedAt, i) => deployment(`D${i}`, { finishedAt }));
  const period = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-30T00:00:00Z') };
  const metrics = deliveryMetrics({ deployments, prs: [], mapping: mapping([]), incidents: [] }, period, options({ now: t('2026-11-27T12:00:00Z') }), settings);
  const f = metrics.deploymentFrequency;

  it('counts per week, empty weeks included, and marks the week of now partial', () => {
    expect(f.weekly.map((w) => [w.week, w.value.deployments, w.value.deployDays, w.partial])).toEqual([
      ['2026-W45', 6, 5, false],
      ['2026-W46', 1, 1, false],
      ['2026-W47', 0, 0, false],
      ['2026-W48', 4, 3, true],
    ]);
    expect(f.count).toBe(11);
  });

  it('takes medians over the weeks: deploy-days 0, 1, 3, 5 → 2; deployments 0, 1, 4, 6 → 2.5', () => {
    expect(f.deployDaysPerWeek).toEqual({ n: 4, p50: 2, p75: 3.5, p90: 4.4, mean: 2.25 });
    // p75 at rank 2.25: 3 + 0.25 × 2 = 3.5; p90 at rank 2.7: 3 + 0.7 × 2 = 4.4; mean 9 / 4.
    expect(f.perWeek.p50).toBe(2.5);
    expect(f.medianDeployDaysPerWeek).toBe(2);
  });

  it('counts deploy-days per calendar month: November has 9', () => {
    expect(f.deployDaysPerMonth).toEqual([{ month: '2026-11', start: t('2026-11-01T00:00:00Z'), deployDays: 9 }]);
    expect(f.medianDeployDaysPerMonth).toBe(9);
  });

  it('bands a median of 2 deploy-days a week as high (at least 1, under 5)', () => {
    expect(metrics.bands.deploymentFrequency).toBe('high');
  });

  it('carries the same counts into the delivery weekly series', () => {
    expect(metrics.weekly.map((w) => [w.week, w.value.deployments, w.value.deployDays, w.value.productionDeployments])).toEqual([
      ['2026-W45', 6, 5, 6],
      ['2026-W46', 1, 1, 1],
      ['2026-W47', 0, 0, 0],
      ['2026-W48', 4, 3, 4],
    ]);
  });
});

describe('calendar months in a zone', () => {
  it('lists the months overlapping a period, from local midnight on the 1st', () => {
    const months = monthsOverlapping({ from: t('2026-10-20T00:00:00Z'), to: t('2026-12-01T00:00:00Z') }, 'Europe/Berlin');
    // Berlin: 1 Oct 00:00 is 30 Sep 22:00 UTC (summer time), 1 Nov 00:00 is 31 Oct 23:00 UTC, 1 Dec is 30 Nov 23:00 UTC.
    expect(months).toEqual([
      { key: '2026-10', from: t('2026-09-30T22:00:00Z'), to: t('2026-10-31T23:00:00Z') },
      { key: '2026-11', from: t('2026-10-31T23:00:00Z'), to: t('2026-11-30T23:00:00Z') },
      { key: '2026-12', from: t('2026-11-30T23:00:00Z'), to: t('2026-12-31T23:00:00Z') },
    ]);
  });
});
