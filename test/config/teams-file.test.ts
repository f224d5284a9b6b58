import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/config/env';

const dir = mkdtempSync(path.join(tmpdir(), 'leadline-teams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('LEADLINE_TEAMS_FILE', () => {
  it('is optional: no teams', () => {
    expect(loadConfig({}).teams).toEqual({});
  });

  it('reads team slugs and member logins', () => {
    const p = file('teams.json', JSON.stringify({ platform: ['alice', 'bob'], 'web-ui': ['carol'] }));
    expect(loadConfig({ LEADLINE_TEAMS_FILE: p }).teams).toEqual({ platform: ['alice', 'bob'], 'web-ui': ['carol'] });
  });

  it.each([
    ['a missing file', path.join(dir, 'nope.json'), 'cannot read a JSON object of teams'],
    ['a file that is not JSON', file('bad.json', '{platform: alice}'), 'cannot read a JSON object of teams'],
    ['a team without members', file('empty.json', '{"platform": []}'), 'platform: Too small'],
    ['a member that is not a login', file('login.json', '{"platform": ["alice smith"]}'), 'platform.0: a GitHub login'],
    [
      'a negative target',
      file('neg.json', '{"platform": {"members": ["alice"], "agreements": {"firstReviewHours": -4}}}'),
      'platform.agreements.firstReviewHours: a positive number of hours',
    ],
    [
      'a misspelt agreement',
      file('typo.json', '{"platform": {"members": ["alice"], "agreements": {"firstReviewHour": 4}}}'),
      'unknown setting "firstReviewHour"',
    ],
    [
      'lines that are not whole',
      file('lines.json', '{"platform": {"members": ["alice"], "agreements": {"maxChangedLines": 10.5}}}'),
      'platform.agreements.maxChangedLines: a whole number',
    ],
    ['an unknown time zone', file('tz.json', '{"platform": {"members": ["alice"], "timeZone": "Mars/Olympus"}}'), 'platform.timeZone: not an IANA time zone'],
    [
      'working hours that end before they start',
      file('wh.json', '{"platform": {"members": ["alice"], "workingHours": {"from": "18:00", "to": "09:00"}}}'),
      'platform.workingHours.to: "from" must be before "to"',
    ],
    [
      'a day that is not one',
      file('day.json', '{"platform": {"members": ["alice"], "workingHours": {"days": ["monday"]}}}'),
      'platform.workingHours.days.0: one of sun',
    ],
  ])('stops start-up on %s, naming the variable', (_, p, problem) => {
    expect(() => loadConfig({ LEADLINE_TEAMS_FILE: p })).toThrow(ConfigError);
    expect(() => loadConfig({ LEADLINE_TEAMS_FILE: p })).toThrow(new RegExp(`LEADLINE_TEAMS_FILE: .*${problem}`));
  });
});

describe('LEADLINE_TEAMS_FILE with working agreements', () => {
  it('reads a team object: members, repositories, time zone, working hours and agreements', () => {
    const p = file(
      'agreements.json',
      JSON.stringify({
        web: ['carol'],
        platform: {
          members: ['alice', 'bob'],
          repos: ['acme/api'],
          timeZone: 'Europe/Berlin',
          workingHours: { days: ['mon', 'tue', 'wed', 'thu'], from: '08:30', to: '16:00' },
          agreements: { firstReviewHours: 8, reviewResponseHours: 4, maxChangedLines: 400, approvalBeforeMerge: true, maxRedHours: 2, maxCoverageDropPp: 0.5 },
        },
      }),
    );
    const config = loadConfig({ LEADLINE_TEAMS_FILE: p });
    // The team filter still sees slug → members.
    expect(config.teams).toEqual({ web: ['carol'], platform: ['alice', 'bob'] });
    expect(config.teamSettings.platform).toEqual({
      members: ['alice', 'bob'],
      repos: ['acme/api'],
      timeZone: 'Europe/Berlin',
      // 08:30 = 8 × 60 + 30 = 510 minutes; 16:00 = 960; Monday 1 … Thursday 4.
      workingHours: { days: [1, 2, 3, 4], from: 510, to: 960 },
      agreements: { firstReviewHours: 8, reviewResponseHours: 4, maxChangedLines: 400, approvalBeforeMerge: true, maxRedHours: 2, maxCoverageDropPp: 0.5 },
    });
    // A plain list: no agreements, Monday to Friday 09:00 (540) to 17:00 (1020) in LEADLINE_TIME_ZONE.
    expect(config.teamSettings.web).toEqual({
      members: ['carol'],
      repos: null,
      timeZone: null,
      workingHours: { days: [1, 2, 3, 4, 5], from: 540, to: 1020 },
      agreements: {},
    });
  });

  it('without LEADLINE_TEAMS_FILE, reads teams.json in the data directory (where the demo writes its teams)', () => {
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    expect(loadConfig({ LEADLINE_DATA_DIR: dataDir }).teams).toEqual({});
    writeFileSync(path.join(dataDir, 'teams.json'), JSON.stringify({ backend: { members: ['alice'], agreements: { maxRedHours: 4 } } }));
    expect(loadConfig({ LEADLINE_DATA_DIR: dataDir }).teamSettings.backend?.agreements).toEqual({ maxRedHours: 4 });
    // The variable wins over the data directory's file.
    expect(loadConfig({ LEADLINE_DATA_DIR: dataDir, LEADLINE_TEAMS_FILE: file('other.json', '{"web": ["carol"]}') }).teams).toEqual({ web: ['carol'] });
    writeFileSync(path.join(dataDir, 'teams.json'), '{"backend": {"members": ["alice"], "agreements": {"maxRedHours": "four"}}}');
    expect(() => loadConfig({ LEADLINE_DATA_DIR: dataDir })).toThrow(/teams\.json: .*backend\.agreements\.maxRedHours/);
  });
});
