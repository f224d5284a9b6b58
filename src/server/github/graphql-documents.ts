/**
 * Every GraphQL document the sync sends. They are validated against GitHub's published schema
 * (@octokit/graphql-schema) in the tests, and the fake GitHub executes them against that same schema.
 *
 * Page sizes keep a page's cost near one rate-limit point: 25 PRs, each with up to 100 commits,
 * 50 reviews, 50 timeline events and 100 labels is 101 "requests" in GitHub's cost formula (each
 * nested connection counts once per parent node, whatever its `first`).
 * PullRequest and PullRequestReview ids are read from `fullDatabaseId` (a BigInt sent as a string):
 * `databaseId` is deprecated there because it cannot hold 64-bit ids.
 * A nested connection that overflows is finished by a follow-up query on the PR's node id.
 */

const ACTOR = /* GraphQL */ `
  fragment ActorFields on Actor {
    __typename
    login
    ... on User {
      databaseId
    }
    ... on Bot {
      databaseId
    }
    ... on Mannequin {
      databaseId
    }
    ... on Organization {
      databaseId
    }
  }
`;

const RATE_LIMIT = /* GraphQL */ `rateLimit { cost remaining resetAt }`;

const REPOSITORY_FIELDS = /* GraphQL */ `
  fragment RepositoryFields on Repository {
    databaseId
    id
    name
    owner {
      login
    }
    nameWithOwner
    defaultBranchRef {
      name
    }
    isArchived
    isPrivate
    createdAt
  }
`;

export const REPOSITORY_QUERY = /* GraphQL */ `
  query Repository($owner: String!, $name: String!) {
    repository(owner: $owner, name: $name) { ...RepositoryFields }
    ${RATE_LIMIT}
  }
  ${REPOSITORY_FIELDS}
`;

export const ORGANIZATION_REPOSITORIES_QUERY = /* GraphQL */ `
  query OrganizationRepositories($login: String!, $cursor: String) {
    organization(login: $login) {
      repositories(first: 100, after: $cursor, orderBy: { field: NAME, direction: ASC }) {
        pageInfo { hasNextPage endCursor }
        nodes { ...RepositoryFields }
      }
    }
    ${RATE_LIMIT}
  }
  ${REPOSITORY_FIELDS}
`;

export const PR_COMMITS_PAGE = 100;
export const PR_REVIEWS_PAGE = 50;
export const PR_TIMELINE_PAGE = 50;
export const PR_LABELS_PAGE = 100;
export const PULL_REQUESTS_PAGE = 25;

/**
 * No `parents` here: nested in 25 PRs x 100 commits it would add 2,500 to a page's cost (26 points
 * instead of 1). Parents come from the default-branch history, where ancestry is needed.
 */
const COMMIT_FIELDS = /* GraphQL */ `
  fragment CommitFields on Commit {
    oid
    messageHeadline
    authoredDate
    committedDate
    author {
      user {
        databaseId
        login
      }
    }
  }
`;

const PR_COMMITS = `commits(first: ${PR_COMMITS_PAGE}, after: $commitsCursor) {
  pageInfo { hasNextPage endCursor }
  nodes { commit { ...CommitFields } }
}`;

const PR_REVIEWS = `reviews(first: ${PR_REVIEWS_PAGE}, after: $reviewsCursor) {
  pageInfo { hasNextPage endCursor }
  nodes { fullDatabaseId state submittedAt author { ...ActorFields } commit { oid } }
}`;

const REQUESTED_REVIEWER = /* GraphQL */ `
  requestedReviewer {
    __typename
    ... on User { databaseId login }
    ... on Bot { databaseId login }
    ... on Mannequin { databaseId login }
    ... on Team { slug }
  }
`;

const PR_TIMELINE = `timelineItems(
  first: ${PR_TIMELINE_PAGE}
  after: $timelineCursor
  itemTypes: [REVIEW_REQUESTED_EVENT, REVIEW_REQUEST_REMOVED_EVENT, READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT]
) {
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on ReviewRequestedEvent { id createdAt actor { ...ActorFields } ${REQUESTED_REVIEWER} }
    ... on ReviewRequestRemovedEvent { id createdAt actor { ...ActorFields } ${REQUESTED_REVIEWER} }
    ... on ReadyForReviewEvent { id createdAt actor { ...ActorFields } }
    ... on ConvertToDraftEvent { id createdAt actor { ...ActorFields } }
  }
}`;

/** A PR with more labels than a page is warned about, not followed up: no real PR has 100 labels. */
const PR_LABELS = `labels(first: ${PR_LABELS_PAGE}) { pageInfo { hasNextPage } nodes { name } }`;

const PULL_REQUEST_FIELDS = /* GraphQL */ `
  fragment PullRequestFields on PullRequest {
    fullDatabaseId
    id
    number
    title
    state
    isDraft
    author { ...ActorFields }
    headRefName
    baseRefName
    headRepository { nameWithOwner }
    createdAt
    updatedAt
    closedAt
    mergedAt
    mergedBy { ...ActorFields }
    mergeCommit { oid }
    additions
    deletions
    changedFiles
    ${PR_LABELS}
    ${PR_COMMITS}
    ${PR_REVIEWS}
    ${PR_TIMELINE}
  }
`;

/** Newest-updated first, so an incremental sync stops at the first PR older than its watermark. */
export const PULL_REQUESTS_QUERY = /* GraphQL */ `
  query PullRequests(
    $owner: String!
    $name: String!
    $cursor: String
    $commitsCursor: String
    $reviewsCursor: String
    $timelineCursor: String
  ) {
    repository(owner: $owner, name: $name) {
      pullRequests(first: ${PULL_REQUESTS_PAGE}, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { ...PullRequestFields }
      }
    }
    ${RATE_LIMIT}
  }
  ${PULL_REQUEST_FIELDS}
  ${COMMIT_FIELDS}
  ${ACTOR}
`;

/** The rest of one PR's overflowing nested connections, one follow-up per page. */
export const PULL_REQUEST_CONNECTIONS_QUERY = /* GraphQL */ `
  query PullRequestConnections(
    $id: ID!
    $commitsCursor: String
    $reviewsCursor: String
    $timelineCursor: String
    $withCommits: Boolean!
    $withReviews: Boolean!
    $withTimeline: Boolean!
  ) {
    node(id: $id) {
      ... on PullRequest {
        ${PR_COMMITS.replace('{', '@include(if: $withCommits) {')}
        ${PR_REVIEWS.replace('{', '@include(if: $withReviews) {')}
        ${PR_TIMELINE.replace(/\) \{/, ') @include(if: $withTimeline) {')}
      }
    }
    ${RATE_LIMIT}
  }
  ${COMMIT_FIELDS}
  ${ACTOR}
`;

export const HISTORY_PAGE = 50;

/**
 * Default-branch history with each commit's statuses and check runs (where Codecov and Coveralls
 * report coverage). One query per 50 commits; REST would need two requests per commit.
 */
export const DEFAULT_BRANCH_HISTORY_QUERY = /* GraphQL */ `
  query DefaultBranchHistory($owner: String!, $name: String!, $since: GitTimestamp, $cursor: String) {
    repository(owner: $owner, name: $name) {
      defaultBranchRef {
        name
        target {
          ... on Commit {
            history(first: ${HISTORY_PAGE}, after: $cursor, since: $since) {
              pageInfo { hasNextPage endCursor }
              nodes {
                ...CommitFields
                parents(first: 2) { nodes { oid } }
                status { contexts { id context state description targetUrl createdAt } }
                checkSuites(first: 10) {
                  nodes {
                    app { slug }
                    checkRuns(first: 20) {
                      nodes { databaseId name status conclusion startedAt completedAt title summary }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    ${RATE_LIMIT}
  }
  ${COMMIT_FIELDS}
`;
