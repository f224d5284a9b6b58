/**
 * The CLI's one boundary: argv → a validated command. Bad usage is a UsageError (exit 2) whose
 * message says what was wrong.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: leadline <command> [options]

Commands:
  sync     Bring the configured repositories up to date from GitHub
             --repo owner/name   only this repository (repeatable; also org:NAME)
             --since YYYY-MM-DD  refetch everything updated since this date
  status   What is stored, the last sync, and the GitHub rate limit
  demo     Generate the synthetic "acme" org, sync it through a local fake GitHub into
           the demo database (no token, no network)
             --serve             then serve the dashboard on it
             --port N            port for --serve (default 3000)
             --seed N            generator seed (default 42)
  report   The weekly report of a week (default: the last complete one)
             --week 2026-W45     the ISO week
             --repo owner/name   only these repositories (repeatable)
             --team SLUG         a team of LEADLINE_TEAMS_FILE
             --format FORMAT     md (default), html, csv or json
             --all-formats       all four (needs --out DIR)
             --out FILE|DIR      write there (default: standard output)
             --post              also post it: the Markdown summary to LEADLINE_SLACK_WEBHOOK_URL,
                                 the JSON to LEADLINE_WEBHOOK_URL
  nudge    Post what breaks a team's working agreement right now (docs/agreements.md) to
           LEADLINE_SLACK_WEBHOOK_URL and/or LEADLINE_WEBHOOK_URL: each item once until its
           state changes, and only inside the team's working hours
             --digest            each team's whole list (a daily digest)
             --dry-run           print what it would send; send and remember nothing
             --team SLUG         only this team
  serve    Serve the dashboard (\`npm start\`; needs \`npm run build\` first)
             --port N            port (default: PORT, else 3000)
             --hostname, -H ADDR listen there (default: HOSTNAME, else 127.0.0.1); anything
                                 but this machine needs LEADLINE_ALLOW_UNAUTHENTICATED=true
  help     Show this help

Exit codes: 0 ok, 1 failure, 2 bad usage or configuration.
Configuration comes from the environment (see .env.example).`;

const REPO = /^([\w.-]+\/[\w.-]+|org:[\w.-]+)$/;
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a real date');

export const ZSyncArgs = z.object({
  command: z.literal('sync'),
  repo: z.array(z.string().regex(REPO, 'use owner/name or org:NAME')).optional(),
  since: date.optional(),
});
export const ZStatusArgs = z.object({ command: z.literal('status') });
export const ZDemoArgs = z.object({
  command: z.literal('demo'),
  serve: z.boolean().default(false),
  port: z.coerce.number().int().min(1).max(65535).default(3000),
  seed: z.coerce.number().int().default(42),
});
export const ZReportArgs = z
  .object({
    command: z.literal('report'),
    week: z
      .string()
      .regex(/^\d{4}-W\d{2}$/, 'use an ISO week like 2026-W45')
      .optional(),
    repo: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'use owner/name')).optional(),
    team: z
      .string()
      .regex(/^[\w.-]+$/, 'a team slug')
      .optional(),
    format: z.enum(['md', 'html', 'csv', 'json'], { message: 'use md, html, csv or json' }).default('md'),
    'all-formats': z.boolean().default(false),
    out: z.string().min(1).optional(),
    post: z.boolean().default(false),
  })
  .refine((a) => !a['all-formats'] || a.out, { message: 'write all four formats to a directory: add --out DIR', path: ['all-formats'] });
export const ZNudgeArgs = z.object({
  command: z.literal('nudge'),
  digest: z.boolean().default(false),
  'dry-run': z.boolean().default(false),
  team: z
    .string()
    .regex(/^[\w.-]+$/, 'a team slug')
    .optional(),
});
export const ZServeArgs = z.object({
  command: z.literal('serve'),
  port: z.coerce.number().int().min(1).max(65535).optional(),
  hostname: z
    .string()
    .regex(/^[\w.:[\]-]+$/, 'an address or host name')
    .optional(),
});
export const ZHelpArgs = z.object({ command: z.literal('help') });

export const ZCliArgs = z.discriminatedUnion('command', [ZSyncArgs, ZStatusArgs, ZDemoArgs, ZReportArgs, ZNudgeArgs, ZServeArgs, ZHelpArgs]);
export type CliArgs = z.infer<typeof ZCliArgs>;

const OPTIONS = {
  sync: { repo: { type: 'string', multiple: true }, since: { type: 'string' } },
  status: {},
  demo: { serve: { type: 'boolean' }, port: { type: 'string' }, seed: { type: 'string' } },
  report: {
    week: { type: 'string' },
    repo: { type: 'string', multiple: true },
    team: { type: 'string' },
    format: { type: 'string' },
    'all-formats': { type: 'boolean' },
    out: { type: 'string' },
    post: { type: 'boolean' },
  },
  nudge: { digest: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, team: { type: 'string' } },
  serve: { port: { type: 'string' }, hostname: { type: 'string', short: 'H' } },
  help: {},
} as const;

export function parseCliArgs(argv: string[]): CliArgs {
  const [command = 'help', ...rest] = argv;
  const name = command === '--help' || command === '-h' ? 'help' : command;
  if (!(name in OPTIONS)) throw new UsageError(`unknown command "${command}"`);
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: rest, options: OPTIONS[name as keyof typeof OPTIONS], strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = ZCliArgs.safeParse({ command: name, ...values });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--${issue.path.filter((p) => typeof p === 'string').join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
