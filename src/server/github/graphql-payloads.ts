/**
 * zod schemas for what the GraphQL documents in graphql-documents.ts return. Each item (a PR, a commit) is
 * parsed on its own, so one malformed node is logged and skipped while its page still syncs.
 * Nullable where GitHub can answer null: deleted accounts (`author: null`), deleted forks
 * (`headRepository: null`), commits whose email matches no account (`author.user: null`).
 */
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const ZPageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

/** GraphQL's BigInt arrives as a string; GitHub ids stay far below 2^53. */
const bigIntId = z.string().regex(/^\d+$/).transform(Number).refine(Number.isSafeInteger, 'id beyond 2^53');

export const ZActor = z.object({
  __typename: z.string(),
  login: z.string(),
  databaseId: z.number().int().nullish(),
});
export type Actor = z.infer<typeof ZActor>;

export const ZRateLimit = z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() });

export const ZRepositoryNode = z.object({
  databaseId: z.number().int(),
  id: z.string(),
  name: z.string(),
  owner: z.object({ login: z.string() }),
  nameWithOwner: z.string(),
  // An empty repository has no default branch yet; "main" until it gets one.
  defaultBranchRef: z.object({ name: z.string() }).nullable(),
  isArchived: z.boolean(),
  isPrivate: z.boolean(),
  createdAt: isoTime,
});
export type RepositoryNode = z.infer<typeof ZRepositoryNode>;

export const ZCommitNode = z.object({
  oid: z.string().regex(/^[0-9a-f]{40}$/),
  messageHeadline: z.string(),
  authoredDate: isoTime,
  committedDate: isoTime,
  /** Asked for in the default-branch history only. */
  parents: z.object({ nodes: z.array(z.object({ oid: z.string() })) }).optional(),
  author: z.object({ user: z.object({ databaseId: z.number().int().nullish(), login: z.string() }).nullable() }).nullable(),
});
export type CommitNode = z.infer<typeof ZCommitNode>;

export const ZReviewNode = z.object({
  fullDatabaseId: bigIntId,
  state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']),
  submittedAt: isoTime.nullable(),
  author: ZActor.nullable(),
  commit: z.object({ oid: z.string() }).nullable(),
});

const ZRequestedReviewer = z
  .object({
    __typename: z.string(),
    databaseId: z.number().int().nullish(),
    login: z.string().optional(),
    slug: z.string().optional(),
  })
  .nullable();

export const ZTimelineNode = z.discriminatedUnion('__typename', [
  z.object({
    __typename: z.enum(['ReviewRequestedEvent', 'ReviewRequestRemovedEvent']),
    id: z.string(),
    createdAt: isoTime,
    actor: ZActor.nullable(),
    requestedReviewer: ZRequestedReviewer,
  }),
  z.object({
    __typename: z.enum(['ReadyForReviewEvent', 'ConvertToDraftEvent']),
    id: z.string(),
    createdAt: isoTime,
    actor: ZActor.nullable(),
  }),
]);
export type TimelineNode = z.infer<typeof ZTimelineNode>;

const connection = <T extends z.ZodType>(node: T) => z.object({ pageInfo: ZPageInfo, nodes: z.array(node) });

export const ZPullRequestCommits = connection(z.object({ commit: ZCommitNode }));
export const ZPullRequestReviews = connection(ZReviewNode);
export const ZPullRequestTimeline = connection(ZTimelineNode);

export const ZPullRequestNode = z.object({
  fullDatabaseId: bigIntId,
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  state: z.enum(['OPEN', 'CLOSED', 'MERGED']),
  isDraft: z.boolean(),
  author: ZActor.nullable(),
  headRefName: z.string(),
  baseRefName: z.string(),
  headRepository: z.object({ nameWithOwner: z.string() }).nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  closedAt: isoTime.nullable(),
  mergedAt: isoTime.nullable(),
  mergedBy: ZActor.nullable(),
  mergeCommit: z.object({ oid: z.string() }).nullable(),
  additions: z.number().int(),
  deletions: z.number().int(),
  changedFiles: z.number().int(),
  labels: z.object({ pageInfo: z.object({ hasNextPage: z.boolean() }), nodes: z.array(z.object({ name: z.string() })) }).nullable(),
  commits: ZPullRequestCommits,
  reviews: ZPullRequestReviews.nullable(),
  timelineItems: ZPullRequestTimeline,
});
export type PullRequestNode = z.infer<typeof ZPullRequestNode>;

export const ZStatusContext = z.object({
  id: z.string(),
  context: z.string(),
  state: z.string(),
  description: z.string().nullable(),
  targetUrl: z.string().nullable(),
  createdAt: isoTime,
});

export const ZCheckRunNode = z.object({
  databaseId: z.number().int(),
  name: z.string(),
  status: z.string(),
  conclusion: z.string().nullable(),
  startedAt: isoTime.nullable(),
  completedAt: isoTime.nullable(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
});

export const ZHistoryCommit = ZCommitNode.extend({
  parents: z.object({ nodes: z.array(z.object({ oid: z.string() })) }),
  status: z.object({ contexts: z.array(ZStatusContext) }).nullable(),
  checkSuites: z
    .object({
      nodes: z.array(
        z.object({
          app: z.object({ slug: z.string() }).nullable(),
          checkRuns: z.object({ nodes: z.array(ZCheckRunNode) }).nullable(),
        }),
      ),
    })
    .nullable(),
});
export type HistoryCommit = z.infer<typeof ZHistoryCommit>;
