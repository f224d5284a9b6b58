/**
 * What the dashboard, the report and the nudges show of working agreements: each agreement with its
 * target, adherence, weekly trend and breaches, named so a person can find them on GitHub.
 */
import { z } from 'zod';
import { AGREEMENT_KEYS } from '@/metrics/agreements/types';

export const ZAgreementKey = z.enum(AGREEMENT_KEYS);

/** One member an agreement applied to (a breach when `met` is false). */
export const ZAgreementBreach = z.object({
  agreement: ZAgreementKey,
  met: z.boolean(),
  /** Stable identity of the item (a nudge's memory key). */
  key: z.string(),
  /** Its state: a nudge is sent again when it changes. */
  state: z.string(),
  kind: z.enum(['pull-request', 'review-request', 'red-branch', 'coverage-week']),
  week: z.string(),
  at: z.date(),
  ongoing: z.boolean(),
  /** "acme/api#12", "acme/api CI", "acme/api coverage". */
  name: z.string(),
  /** The PR's title (from GitHub: escape where it goes); null for branches and coverage. */
  title: z.string().nullable(),
  repo: z.string(),
  author: z.string().nullable(),
  /** Who owes the answer: the requested reviewer, or `team:slug`. */
  reviewer: z.string().nullable(),
  /** "waited 15 h", "420 lines", "−1.7 pp", "merged without approval". */
  measured: z.string(),
  url: z.string(),
});
export type AgreementBreach = z.infer<typeof ZAgreementBreach>;

const ZAdherenceValue = z.object({ value: z.number().nullable(), met: z.number().int(), applied: z.number().int() });

export const ZAgreementView = z.object({
  agreement: ZAgreementKey,
  /** "First review within 8 business hours". */
  label: z.string(),
  target: z.union([z.number(), z.literal(true)]),
  current: ZAdherenceValue,
  previous: ZAdherenceValue,
  trend: z.array(ZAdherenceValue.extend({ week: z.string(), partial: z.boolean() })),
  /** The period's members that broke it, newest first. */
  breaches: z.array(ZAgreementBreach),
  /** The period's members that met it, newest first: with the breaches, every member behind the number. */
  kept: z.array(ZAgreementBreach),
});
export type AgreementView = z.infer<typeof ZAgreementView>;

export const ZTeamAgreements = z.object({
  team: z.string(),
  /** Weeks and business hours are counted in this zone. */
  timeZone: z.string(),
  agreements: z.array(ZAgreementView),
});
export type TeamAgreements = z.infer<typeof ZTeamAgreements>;

export const ZAgreementsQuery = z
  .object({
    from: z.date(),
    to: z.date(),
    repos: z
      .array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'use owner/name'))
      .max(500)
      .optional(),
    /** One team; absent: every team with agreements. */
    team: z
      .string()
      .regex(/^[\w.-]+$/, 'a team slug')
      .max(100)
      .optional(),
  })
  .refine((q) => q.from < q.to, { message: 'the period must start before it ends', path: ['to'] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 366 * 86_400_000, { message: 'the period may span at most 366 days', path: ['to'] });
export type AgreementsQuery = z.infer<typeof ZAgreementsQuery>;
