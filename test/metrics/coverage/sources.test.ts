import { describe, expect, it } from 'vitest';
import { firstPercentage } from '@/metrics/coverage/percent';
import { indexArtifacts, readCommitCoverage } from '@/metrics/coverage/sources';
import { checkRun, commit, status } from './build-commits';

describe('the percentage in a coverage tool’s description', () => {
  it('reads Codecov’s project and patch formats', () => {
    expect(firstPercentage('57.42% (+<.01%) compared to 559fe9e')).toBe(57.42);
    expect(firstPercentage('60.00% (target 80.00%)')).toBe(60);
    expect(firstPercentage('85.71% of diff hit (target 80.00%)')).toBe(85.71);
  });
  it('reads Coveralls’ formats, where the change comes first', () => {
    // The literal "first NN.NN%" would read the change, 0.1: a change is signed, the coverage is not.
    expect(firstPercentage('Coverage increased (+0.1%) to 81.234%')).toBe(81.234);
    expect(firstPercentage('Coverage decreased (-2.05%) to 75.5%')).toBe(75.5);
    expect(firstPercentage('Coverage remained the same at 100.0%')).toBe(100);
    expect(firstPercentage('First build on main at 92.308%')).toBe(92.308);
  });
  it('finds none in reports without a number', () => {
    expect(firstPercentage('No report found to compare against')).toBeNull();
    expect(firstPercentage('Coverage not affected when comparing 559fe9e...a1b2c3d')).toBeNull();
    expect(firstPercentage('Waiting for CI')).toBeNull();
    expect(firstPercentage(null)).toBeNull();
  });
});

describe('per commit, the first source that has coverage', () => {
  const at = '2026-11-03T10:00:00Z';
  const later = '2026-11-03T10:05:00Z';

  it('1: a Codecov status (codecov/project)', () => {
    const c = commit({ sha: 'a1', at, statuses: [status('codecov/patch', '90.00% of diff hit (target 57.42%)', at), status('codecov/project', '57.42% (+<.01%) compared to 559fe9e', at)] });
    expect(readCommitCoverage(c)).toEqual({ pct: 57.42, source: 'codecov', reporter: 'codecov/project', text: '57.42% (+<.01%) compared to 559fe9e' });
  });

  it('1: a Coveralls status (coverage/coveralls)', () => {
    const c = commit({ sha: 'a2', at, statuses: [status('coverage/coveralls', 'Coverage increased (+0.1%) to 81.234%', at)] });
    expect(readCommitCoverage(c)).toMatchObject({ pct: 81.234, source: 'coveralls' });
  });

  it('1: a Codecov check run (its title)', () => {
    const c = commit({ sha: 'a3', at, checkRuns: [checkRun('codecov/project', '57.42% (+0.05%) compared to 559fe9e', '## Coverage 12.00%', at)] });
    expect(readCommitCoverage(c)).toMatchObject({ pct: 57.42, source: 'codecov', text: '57.42% (+0.05%) compared to 559fe9e' });
  });

  it('1 before 2: a commit with a Codecov status and a coverage check run takes Codecov', () => {
    const c = commit({
      sha: 'a4',
      at,
      statuses: [status('codecov/project', '57.42% (+<.01%) compared to 559fe9e', at)],
      checkRuns: [checkRun('coverage', 'Line coverage 61.00%', null, later)],
    });
    expect(readCommitCoverage(c)).toMatchObject({ pct: 57.42, source: 'codecov' });
  });

  it('1: Codecov before Coveralls', () => {
    const c = commit({ sha: 'a5', at, statuses: [status('coverage/coveralls', 'Coverage remained the same at 70.0%', later), status('codecov/project', '69.80% (+0.00%) compared to 559fe9e', at)] });
    expect(readCommitCoverage(c)).toMatchObject({ pct: 69.8, source: 'codecov' });
  });

  it('1: a flag’s status (codecov/project/backend) is not the project’s', () => {
    const c = commit({ sha: 'a6', at, statuses: [status('codecov/project/backend', '91.00% (+0.10%) compared to 559fe9e', at)] });
    expect(readCommitCoverage(c)).toBeNull();
  });

  it('1: the latest report with a number; a later one without (Waiting for CI) does not erase it', () => {
    const c = commit({
      sha: 'a7',
      at,
      statuses: [
        status('codecov/project', '57.42% (+<.01%) compared to 559fe9e', '2026-11-03T10:00:00Z'),
        status('codecov/project', '58.10% (+0.68%) compared to 559fe9e', '2026-11-03T10:20:00Z', 'failure'),
        status('codecov/project', 'Waiting for CI', '2026-11-03T10:40:00Z', 'pending'),
      ],
    });
    expect(readCommitCoverage(c)).toMatchObject({ pct: 58.1 });
  });

  it('2: a check run named like coverage, from its title, else its summary', () => {
    const fromTitle = commit({ sha: 'b1', at, checkRuns: [checkRun('Test coverage', 'Line coverage 77.10%', null, at)] });
    const fromSummary = commit({ sha: 'b2', at, checkRuns: [checkRun('coverage', 'Coverage report', '1234 of 1600 lines covered (77.13%), +0.20 points against the previous commit.', at)] });
    const unrelated = commit({ sha: 'b3', at, checkRuns: [checkRun('build', 'Bundle is 97.5% of budget', null, at)] });
    expect(readCommitCoverage(fromTitle)).toMatchObject({ pct: 77.1, source: 'check-run', reporter: 'Test coverage' });
    expect(readCommitCoverage(fromSummary)).toMatchObject({ pct: 77.13, source: 'check-run', text: expect.stringContaining('1234 of 1600') });
    expect(readCommitCoverage(unrelated)).toBeNull();
  });

  it('3: an artifact, only when no status or check run has a number', () => {
    const artifacts = indexArtifacts([
      { repoId: 1, sha: 'c1', pct: 81.63, source: 'istanbul' },
      { repoId: 1, sha: 'c2', pct: 40, source: 'lcov' },
      { repoId: 2, sha: 'c1', pct: 10, source: 'lcov' },
    ]);
    const waiting = commit({ sha: 'c1', at, statuses: [status('codecov/project', 'Waiting for CI', at, 'pending')] });
    const codecovToo = commit({ sha: 'c2', at, statuses: [status('codecov/project', '57.42% (+<.01%) compared to 559fe9e', at)] });
    expect(readCommitCoverage(waiting, artifacts)).toEqual({ pct: 81.63, source: 'artifact', reporter: 'istanbul', text: null });
    expect(readCommitCoverage(codecovToo, artifacts)).toMatchObject({ pct: 57.42, source: 'codecov' });
    expect(readCommitCoverage(commit({ sha: 'c9', at }), artifacts)).toBeNull();
  });
});
