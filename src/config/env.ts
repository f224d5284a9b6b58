/**
 * Every setting Leadline reads, validated once. A bad value stops start-up with a message that names
 * the variable and what is wrong with it. Server-only: nothing here may reach the browser bundle
 * (the `server-only`-style guard is that no client component imports this module; the lint config
 * forbids it).
 */
import { createEnv } from '@t3-oss/env-core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describeTeamsIssues, teamSettings, ZTeamsFile, type TeamSettings } from './teams-file';
import { ZAllowUnauthenticated, ZPublicUrl, type WebSettings } from './web';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const regex = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((source, ctx) => {
      try {
        return new RegExp(source, 'i');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
        return z.NEVER;
      }
    });

const commaList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const REPO = /^[\w.-]+\/[\w.-]+$/;
const ORG = /^org:[\w.-]+$/;

const repoTargets = commaList.superRefine((items, ctx) => {
  for (const item of items) {
    if (!REPO.test(item) && !ORG.test(item)) {
      ctx.addIssue({ code: 'custom', message: `"${item}" is neither owner/name nor org:NAME` });
    }
  }
});

const timeZone = z
  .string()
  .default('UTC')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone (e.g. Europe/Berlin)');

/**
 * A JSON file of teams (teams-file.ts): team slug → member logins, or → an object with its members,
 * repositories, time zone, working hours and working agreements. Read once at start-up; a missing
 * file or a bad shape stops start-up like any bad value, naming the bad entry.
 */
function readTeamsFile(file: string): { ok: true; teams: Record<string, TeamSettings> } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, message: `cannot read a JSON object of teams from ${file}: ${(error as Error).message}` };
  }
  const parsed = ZTeamsFile.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `${file}: ${describeTeamsIssues(parsed.error)}` };
  return { ok: true, teams: teamSettings(parsed.data) };
}

const teamsFile = z
  .string()
  .optional()
  .transform((file, ctx) => {
    if (!file) return null;
    const read = readTeamsFile(file);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    }
    return read.teams;
  });

/** "2026-01-31" or a span back from now: "90d", "26w". */
const sinceSpec = z
  .string()
  .default('180d')
  .refine((s) => /^\d+[dw]$/.test(s) || !Number.isNaN(Date.parse(s)), 'use a date (2026-01-31) or a span (90d, 26w)');

const serverSchema = {
  GITHUB_TOKEN: z.string().min(1).optional(),
  GITHUB_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric App id').optional(),
  GITHUB_APP_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  GITHUB_APP_INSTALLATION_ID: z.string().regex(/^\d+$/, 'must be the numeric installation id').optional(),
  GITHUB_API_URL: z
    .url({ message: 'must be a URL such as https://api.github.com or https://HOST/api/v3' })
    .default('https://api.github.com')
    .transform((u) => u.replace(/\/+$/, '')),
  LEADLINE_REPOS: repoTargets,
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  LEADLINE_DATA_DIR: z.string().min(1).default('./.leadline'),
  LEADLINE_TIME_ZONE: timeZone,
  LEADLINE_BOTS: commaList,
  LEADLINE_PRODUCTION_ENVIRONMENT: regex('^prod(uction)?$'),
  LEADLINE_DEPLOY_WORKFLOW: regex('deploy|release'),
  LEADLINE_INCIDENT_LABEL: regex('incident'),
  LEADLINE_HOTFIX_PATTERN: regex('hotfix'),
  LEADLINE_SYNC_SINCE: sinceSpec,
  LEADLINE_TEAMS_FILE: teamsFile,
  /** Slack incoming webhook for `report --post` (a secret: it lets anyone post to the channel). */
  LEADLINE_SLACK_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  /** Any endpoint taking the report as JSON, for `report --post`. */
  LEADLINE_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  LEADLINE_COVERAGE_ARTIFACT: z
    .string()
    .optional()
    .transform((source, ctx) => {
      if (!source) return null;
      try {
        return new RegExp(source, 'i');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
  LEADLINE_COVERAGE_ARTIFACT_MAX_BYTES: z.coerce
    .number()
    .int('a whole number of bytes')
    .positive('a whole number of bytes')
    .default(20 * 1024 * 1024),
  /** The origin people open the app at; requests naming another host are refused (DNS rebinding). */
  LEADLINE_PUBLIC_URL: ZPublicUrl,
  /** Serve beyond 127.0.0.1 with no sign-in: everyone who reaches the port sees everything. */
  LEADLINE_ALLOW_UNAUTHENTICATED: ZAllowUnauthenticated,
};

export type GitHubAuth = { kind: 'token'; token: string } | { kind: 'app'; appId: number; privateKey: string; installationId: number } | { kind: 'none' };

export interface Config {
  github: { apiUrl: string; auth: GitHubAuth };
  repos: string[];
  databaseUrl: string | undefined;
  dataDir: string;
  timeZone: string;
  bots: string[];
  productionEnvironment: RegExp;
  deployWorkflow: RegExp;
  incidentLabel: RegExp;
  hotfixPattern: RegExp;
  syncSince: string;
  /** Team slug → member logins, from LEADLINE_TEAMS_FILE. */
  teams: Record<string, string[]>;
  /** Team slug → its members, repositories, time zone, working hours and working agreements. */
  teamSettings: Record<string, TeamSettings>;
  /** Where `report --post` delivers (secrets: never logged). */
  webhooks: { slack: string | null; generic: string | null };
  /** Coverage report artifacts to download; null: none (LEADLINE_COVERAGE_ARTIFACT unset). */
  coverageArtifacts: { pattern: RegExp; maxBytes: number } | null;
  /** Where the app is reached from, and whether it may be without sign-in (see src/config/web.ts). */
  web: WebSettings;
}

type Env = Record<string, string | undefined>;

/** Values that may hold credentials are never echoed into an error (errors reach logs). */
const SECRET_VARIABLES = new Set(['GITHUB_TOKEN', 'GITHUB_APP_PRIVATE_KEY', 'DATABASE_URL', 'LEADLINE_SLACK_WEBHOOK_URL', 'LEADLINE_WEBHOOK_URL']);

function shown(name: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  if (SECRET_VARIABLES.has(name)) return `a value of ${value.length} characters, not shown`;
  return JSON.stringify(value);
}

export function loadConfig(env: Env = process.env): Config {
  const parsed = createEnv({
    server: serverSchema,
    runtimeEnv: env,
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: (issues) => {
      const lines = issues.map((issue) => {
        const name = String(issue.path?.map((p) => (typeof p === 'object' ? p.key : p)).join('.') ?? '?');
        return `  ${name}: ${issue.message} (got ${shown(name, env[name])})`;
      });
      throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    },
  });

  const teams = parsed.LEADLINE_TEAMS_FILE ?? defaultTeams(parsed.LEADLINE_DATA_DIR);
  return {
    github: { apiUrl: parsed.GITHUB_API_URL, auth: githubAuth(parsed) },
    repos: parsed.LEADLINE_REPOS,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.LEADLINE_DATA_DIR,
    timeZone: parsed.LEADLINE_TIME_ZONE,
    bots: parsed.LEADLINE_BOTS,
    productionEnvironment: parsed.LEADLINE_PRODUCTION_ENVIRONMENT,
    deployWorkflow: parsed.LEADLINE_DEPLOY_WORKFLOW,
    incidentLabel: parsed.LEADLINE_INCIDENT_LABEL,
    hotfixPattern: parsed.LEADLINE_HOTFIX_PATTERN,
    syncSince: parsed.LEADLINE_SYNC_SINCE,
    teams: Object.fromEntries(Object.entries(teams).map(([slug, team]) => [slug, team.members])),
    teamSettings: teams,
    webhooks: { slack: parsed.LEADLINE_SLACK_WEBHOOK_URL ?? null, generic: parsed.LEADLINE_WEBHOOK_URL ?? null },
    coverageArtifacts: parsed.LEADLINE_COVERAGE_ARTIFACT
      ? { pattern: parsed.LEADLINE_COVERAGE_ARTIFACT, maxBytes: parsed.LEADLINE_COVERAGE_ARTIFACT_MAX_BYTES }
      : null,
    web: { publicUrl: parsed.LEADLINE_PUBLIC_URL, allowUnauthenticated: parsed.LEADLINE_ALLOW_UNAUTHENTICATED },
  };
}

/**
 * Without LEADLINE_TEAMS_FILE, `<LEADLINE_DATA_DIR>/teams.json` if there is one: the demo writes its
 * teams and agreements there, so everything pointed at the demo's data directory finds them.
 */
function defaultTeams(dataDir: string): Record<string, TeamSettings> {
  const file = path.join(dataDir, 'teams.json');
  if (!existsSync(file)) return {};
  const read = readTeamsFile(file);
  if (!read.ok) throw new ConfigError(`Invalid configuration:\n  LEADLINE_DATA_DIR's teams.json: ${read.message}`);
  return read.teams;
}

function githubAuth(env: { GITHUB_TOKEN?: string; GITHUB_APP_ID?: string; GITHUB_APP_PRIVATE_KEY?: string; GITHUB_APP_INSTALLATION_ID?: string }): GitHubAuth {
  const app = {
    GITHUB_APP_ID: env.GITHUB_APP_ID,
    GITHUB_APP_PRIVATE_KEY: env.GITHUB_APP_PRIVATE_KEY,
    GITHUB_APP_INSTALLATION_ID: env.GITHUB_APP_INSTALLATION_ID,
  };
  const given = Object.entries(app).filter(([, v]) => v !== undefined);
  if (given.length > 0 && given.length < 3) {
    const missing = Object.keys(app).filter((k) => app[k as keyof typeof app] === undefined);
    throw new ConfigError(`Invalid configuration:\n  ${missing.join(', ')}: required with ${given.map(([k]) => k).join(', ')} (a GitHub App needs all three)`);
  }
  if (given.length === 3) {
    return {
      kind: 'app',
      appId: Number(app.GITHUB_APP_ID),
      // Private keys in .env files usually carry literal "\n"; PEM needs real line breaks.
      privateKey: app.GITHUB_APP_PRIVATE_KEY!.replace(/\\n/g, '\n'),
      installationId: Number(app.GITHUB_APP_INSTALLATION_ID),
    };
  }
  if (env.GITHUB_TOKEN) return { kind: 'token', token: env.GITHUB_TOKEN };
  return { kind: 'none' };
}

/** The first instant to sync from, for a `since` setting ("90d", "26w" or a date). */
export function resolveSince(spec: string, now: Date): Date {
  const span = /^(\d+)([dw])$/.exec(spec);
  if (span) {
    const days = Number(span[1]) * (span[2] === 'w' ? 7 : 1);
    return new Date(now.getTime() - days * 86_400_000);
  }
  return new Date(spec);
}
