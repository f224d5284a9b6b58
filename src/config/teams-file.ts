/**
 * LEADLINE_TEAMS_FILE: team slug → its members, or → an object with its members, the repositories
 * it answers for, its time zone and working hours, and its working agreements (docs/agreements.md).
 *
 *   { "web": ["carol"],
 *     "platform": { "members": ["alice", "bob"], "repos": ["acme/api"], "timeZone": "Europe/Berlin",
 *                   "workingHours": { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:30" },
 *                   "agreements": { "firstReviewHours": 8, "approvalBeforeMerge": true } } }
 */
import { z } from 'zod';
import type { Agreements } from '@/metrics/agreements/types';
import type { WorkingHours } from '@/metrics/agreements/working-hours';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const ZLogin = z.string().regex(/^[\w.[\]-]+$/, 'a GitHub login');
const ZMembers = z.array(ZLogin).min(1);
const ZClock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day, HH:MM (00:00 to 24:00)')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));
const ZTimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone (e.g. Europe/Berlin)');

const hours = z.number().positive('a positive number of hours');
export const ZAgreements = z
  .object({
    firstReviewHours: hours.optional(),
    reviewResponseHours: hours.optional(),
    maxChangedLines: z.number().int('a whole number of lines').positive('a positive number of lines').optional(),
    approvalBeforeMerge: z.boolean().optional(),
    maxRedHours: hours.optional(),
    maxCoverageDropPp: z.number().nonnegative('a number of percentage points, 0 or more').optional(),
  })
  .strict();

export const ZWorkingHours = z
  .object({
    days: z
      .array(z.enum(DAYS, { message: `one of ${DAYS.join(', ')}` }))
      .min(1)
      .default(['mon', 'tue', 'wed', 'thu', 'fri']),
    from: ZClock.default(9 * 60),
    to: ZClock.default(17 * 60),
  })
  .strict()
  .refine((w) => w.from < w.to, { message: '"from" must be before "to"', path: ['to'] });

const ZTeamObject = z
  .object({
    members: ZMembers,
    repos: z
      .array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'a repository, owner/name'))
      .min(1)
      .optional(),
    timeZone: ZTimeZone.optional(),
    workingHours: ZWorkingHours.optional(),
    agreements: ZAgreements.optional(),
  })
  .strict();

export const ZTeamsFile = z.record(z.string().regex(/^[\w.-]+$/, 'a team slug: letters, digits, . _ -'), z.union([ZMembers, ZTeamObject]));

export interface TeamSettings {
  members: string[];
  /** The repositories whose default branch and coverage the team answers for; null: every one. */
  repos: string[] | null;
  /** null: LEADLINE_TIME_ZONE. */
  timeZone: string | null;
  workingHours: WorkingHours;
  agreements: Agreements;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], from: 9 * 60, to: 17 * 60 };

export function teamSettings(parsed: z.infer<typeof ZTeamsFile>): Record<string, TeamSettings> {
  return Object.fromEntries(
    Object.entries(parsed).map(([slug, team]) => {
      if (Array.isArray(team)) return [slug, { members: team, repos: null, timeZone: null, workingHours: DEFAULT_WORKING_HOURS, agreements: {} }];
      const hours = team.workingHours;
      return [
        slug,
        {
          members: team.members,
          repos: team.repos ?? null,
          timeZone: team.timeZone ?? null,
          workingHours: hours ? { days: hours.days.map((d) => DAYS.indexOf(d)), from: hours.from, to: hours.to } : DEFAULT_WORKING_HOURS,
          agreements: team.agreements ?? {},
        },
      ];
    }),
  );
}

/** "platform.agreements.firstReviewHours: a positive number of hours"; an unknown key is named too. */
export function describeTeamsIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const where = i.path.join('.') || 'teams';
      if (i.code === 'unrecognized_keys') return `${where}: unknown setting ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      if (i.code === 'invalid_union')
        return `${where}: a list of member logins, or an object with "members" (and optionally repos, timeZone, workingHours, agreements)${unionDetail(i)}`;
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

/** The object branch's own complaint, which names the bad entry inside the team. */
function unionDetail(issue: z.core.$ZodIssueInvalidUnion): string {
  const objectIssues = issue.errors.find((branch) => branch.some((e) => e.code !== 'invalid_type' || e.path.length > 0)) ?? [];
  const inner = objectIssues.map((e) =>
    e.code === 'unrecognized_keys' ? `unknown setting ${e.keys.map((k) => `"${k}"`).join(', ')}` : `${[...issue.path, ...e.path].join('.')}: ${e.message}`,
  );
  return inner.length ? ` (${inner.join('; ')})` : '';
}
