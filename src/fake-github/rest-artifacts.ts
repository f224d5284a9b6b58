/**
 * Workflow run artifacts: the list (`…/actions/runs/{id}/artifacts`), and the download, which GitHub
 * answers with 302 to short-lived storage; here the storage is a path on the same host, so the
 * fake also works over real HTTP (the demo). Charged like GitHub charges: the list and the
 * redirect count, the storage download does not.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { components } from '@octokit/openapi-types';
import { currentBucket, findRepository, type FakeContext } from './context';
import type { FakeArtifact, FakeRepository, FakeWorkflowRun } from './model';
import { notFound, repoRoute, requestId } from './rest-http';

type Artifact = components['schemas']['artifact'];

function artifactPayload(ctx: FakeContext, repo: FakeRepository, run: FakeWorkflowRun, a: FakeArtifact): Artifact {
  const api = `${ctx.urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.zip.byteLength,
    url: `${api}/actions/artifacts/${a.id}`,
    archive_download_url: `${api}/actions/artifacts/${a.id}/zip`,
    expired: a.expired,
    created_at: a.createdAt,
    expires_at: new Date(Date.parse(a.createdAt) + 90 * 86_400_000).toISOString(),
    updated_at: a.createdAt,
    digest: null,
    workflow_run: { id: run.id, repository_id: repo.id, head_repository_id: repo.id, head_branch: run.headBranch ?? '', head_sha: run.headSha },
  };
}

function findArtifact(repo: FakeRepository, id: number): FakeArtifact | undefined {
  for (const run of repo.workflowRuns) for (const a of run.artifacts ?? []) if (a.id === id) return a;
  return undefined;
}

export function artifactHandlers(ctx: FakeContext): HttpHandler[] {
  const blobPath = (repo: FakeRepository, id: number) => `${ctx.urls.api}/_storage/${repo.id}/artifacts/${id}.zip`;
  return [
    ...repoRoute(ctx, '/actions/runs/:runId/artifacts', ({ repo, params, page }) => {
      const run = repo.workflowRuns.find((r) => r.id === Number(params.runId));
      if (!run) return notFound();
      const artifacts = run.artifacts ?? [];
      const { items, link } = page(artifacts);
      return { status: 200, body: { total_count: artifacts.length, artifacts: items.map((a) => artifactPayload(ctx, repo, run, a)) }, link };
    }),
    http.get(`${ctx.urls.api}/repos/:owner/:repo/actions/artifacts/:id/zip`, ({ request, params }) => {
      const repo = findRepository(ctx.org, String(params.owner), String(params.repo));
      const artifact = repo && findArtifact(repo, Number(params.id));
      const status = !repo || !artifact ? 404 : artifact.expired ? 410 : 302;
      ctx.record({ method: 'GET', url: request.url, kind: 'rest', status, conditional: false });
      const bucket = currentBucket(ctx.bucket('core'));
      bucket.used += 1;
      if (status !== 302) return HttpResponse.json({ message: status === 410 ? 'Artifact has expired' : 'Not Found' }, { status });
      return new HttpResponse(null, { status: 302, headers: { location: blobPath(repo!, artifact!.id), 'x-github-request-id': requestId(ctx) } });
    }),
    http.get(`${ctx.urls.api}/_storage/:repoId/artifacts/:file`, ({ request, params }) => {
      const repo = ctx.org.repositories.find((r) => r.id === Number(params.repoId));
      const artifact = repo && findArtifact(repo, Number(String(params.file).replace(/\.zip$/, '')));
      ctx.record({ method: 'GET', url: request.url, kind: 'rest', status: artifact ? 200 : 404, conditional: false });
      if (!artifact) return new HttpResponse('BlobNotFound', { status: 404 });
      return new HttpResponse(artifact.zip.slice().buffer, { status: 200, headers: { 'content-type': 'application/zip' } });
    }),
  ];
}
