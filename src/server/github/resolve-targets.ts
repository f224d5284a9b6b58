/**
 * Turns the configured targets (`owner/name`, `org:NAME`) into repositories, one GraphQL query per
 * repository or per 100 repositories of an org. Archived repositories of an org are left out; one
 * named explicitly is synced all the same.
 */
import type { repositories } from '@/server/db/schema';
import type { Logger } from '@/server/logger';
import type { GitHubClient } from './client';
import { ZRepositoryNode, type RepositoryNode } from './graphql-payloads';
import { parseItems } from './parse-items';
import { ORGANIZATION_REPOSITORIES_QUERY, REPOSITORY_QUERY } from './graphql-documents';

type RepositoryRow = typeof repositories.$inferInsert & { id: number; owner: string; name: string; fullName: string; defaultBranch: string };

interface OrgPage {
  organization: { repositories: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] } } | null;
}

export async function resolveTargets(github: GitHubClient, targets: string[], logger: Logger): Promise<{ repos: RepositoryRow[]; errors: string[] }> {
  const repos = new Map<number, RepositoryRow>();
  const errors: string[] = [];
  for (const target of targets) {
    try {
      if (target.startsWith('org:')) {
        for (const node of await organizationRepositories(github, target.slice(4), logger)) {
          if (!node.isArchived) repos.set(node.databaseId, toRow(node));
        }
      } else {
        const [owner, name] = target.split('/') as [string, string];
        const data = await github.graphql<{ repository: unknown }>(REPOSITORY_QUERY, { owner, name });
        const node = ZRepositoryNode.parse(data.repository);
        repos.set(node.databaseId, toRow(node));
      }
    } catch (error) {
      errors.push(`${target}: ${describeLookupError(error)}`);
    }
  }
  return { repos: [...repos.values()], errors };
}

async function organizationRepositories(github: GitHubClient, login: string, logger: Logger): Promise<RepositoryNode[]> {
  const nodes: RepositoryNode[] = [];
  let cursor: string | null = null;
  for (;;) {
    const data: OrgPage = await github.graphql<OrgPage>(ORGANIZATION_REPOSITORIES_QUERY, { login, cursor });
    const connection = data.organization?.repositories;
    if (!connection) throw new Error('organization not found');
    nodes.push(...parseItems(ZRepositoryNode, connection.nodes, `repository of ${login}`, logger));
    if (!connection.pageInfo.hasNextPage) return nodes;
    cursor = connection.pageInfo.endCursor;
  }
}

function toRow(node: RepositoryNode): RepositoryRow {
  return {
    id: node.databaseId,
    nodeId: node.id,
    owner: node.owner.login,
    name: node.name,
    fullName: node.nameWithOwner,
    defaultBranch: node.defaultBranchRef?.name ?? 'main',
    isArchived: node.isArchived,
    isPrivate: node.isPrivate,
    createdAt: node.createdAt,
  };
}

/** GitHub answers an unknown or inaccessible repository with a NOT_FOUND GraphQL error. */
function describeLookupError(error: unknown): string {
  const errors = (error as { errors?: { type?: string; message?: string }[] }).errors;
  if (errors?.some((e) => e.type === 'NOT_FOUND')) return 'not found, or the token cannot see it';
  return error instanceof Error ? error.message : String(error);
}
