import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveSince } from '@/config/env';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.github).toEqual({ apiUrl: 'https://api.github.com', auth: { kind: 'none' } });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./.leadline');
    expect(config.timeZone).toBe('UTC');
    expect(config.productionEnvironment.test('Production')).toBe(true);
    expect(config.productionEnvironment.test('staging')).toBe(false);
    expect(config.deployWorkflow.test('Deploy web')).toBe(true);
    expect(config.repos).toEqual([]);
  });

  it('parses repositories, orgs, bots and a GitHub Enterprise Server URL', () => {
    const config = loadConfig({
      LEADLINE_REPOS: 'acme/api, acme/web,org:acme',
      LEADLINE_BOTS: 'renovate-bot, deploy-robot',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_TOKEN: 'ghp_x',
    });
    expect(config.repos).toEqual(['acme/api', 'acme/web', 'org:acme']);
    expect(config.bots).toEqual(['renovate-bot', 'deploy-robot']);
    expect(config.github.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(config.github.auth).toEqual({ kind: 'token', token: 'ghp_x' });
  });

  it.each([
    ['LEADLINE_REPOS', 'acme', 'neither owner/name nor org:NAME'],
    ['LEADLINE_TIME_ZONE', 'Mars/Olympus', 'not an IANA time zone'],
    ['LEADLINE_PRODUCTION_ENVIRONMENT', '(prod', 'not a valid regular expression'],
    ['DATABASE_URL', 'mysql://x', 'must be a postgres:// URL'],
    ['GITHUB_API_URL', 'not a url', 'must be a URL'],
    ['LEADLINE_SYNC_SINCE', 'yesterday', 'use a date'],
  ])('rejects a bad %s, naming it and the problem', (name, value, problem) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: .*${problem.replace(/[()]/g, '\\$&')}`));
  });

  it('never echoes a secret value into the error', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/x' });
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL \(got a value of 26 characters, not shown\)/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('requires all three GitHub App settings together', () => {
    expect(() => loadConfig({ GITHUB_APP_ID: '12' })).toThrow(/GITHUB_APP_PRIVATE_KEY, GITHUB_APP_INSTALLATION_ID: required/);
    const config = loadConfig({
      GITHUB_APP_ID: '12',
      GITHUB_APP_INSTALLATION_ID: '34',
      GITHUB_APP_PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\\nabc\\n-----END RSA PRIVATE KEY-----',
    });
    expect(config.github.auth).toEqual({
      kind: 'app',
      appId: 12,
      installationId: 34,
      privateKey: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----',
    });
  });
});

describe('resolveSince', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('reads spans in days and weeks back from now, and plain dates', () => {
    expect(resolveSince('90d', now).toISOString()).toBe('2026-08-25T12:00:00.000Z');
    expect(resolveSince('2w', now).toISOString()).toBe('2026-11-09T12:00:00.000Z');
    expect(resolveSince('2026-01-31', now).toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });
});
