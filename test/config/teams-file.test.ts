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
  ])('stops start-up on %s, naming the variable', (_, p, problem) => {
    expect(() => loadConfig({ LEADLINE_TEAMS_FILE: p })).toThrow(ConfigError);
    expect(() => loadConfig({ LEADLINE_TEAMS_FILE: p })).toThrow(new RegExp(`LEADLINE_TEAMS_FILE: .*${problem}`));
  });
});
