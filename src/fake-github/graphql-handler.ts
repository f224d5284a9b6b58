/**
 * POST {api}/graphql (GHES: /api/graphql): parses, validates and executes each document against
 * GitHub's published schema with resolvers over the FakeOrg, charging GitHub's rate-limit cost.
 * Errors are GitHub-shaped: HTTP 200 with `{ errors }` (and `data` once execution started).
 */
import { GraphQLError, execute, getVariableValues, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { TIMEOUT_MESSAGE, currentBucket, rateLimitHeaders, remaining, type FakeContext, type RateBucket } from './context';
import { createRootValue } from './graphql-resolvers';
import { analyseOperation, findOperation, githubGraphqlSchema, type GitHubErrorJson } from './graphql-schema';
import { createScope } from './graphql-views';
import { GitHubGraphqlError } from './pagination';
import { SECONDARY_LIMIT_MESSAGE } from './faults';
import { errorBody, requestId, SECONDARY_LIMIT_DOCS } from './rest-http';

const RATE_LIMITED = { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] };

export function formatError(error: GraphQLError): GitHubErrorJson {
  const original = error.originalError;
  return {
    ...(original instanceof GitHubGraphqlError ? { type: original.type } : {}),
    ...(error.path ? { path: [...error.path] } : {}),
    ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
    message: error.message,
  };
}

interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export function graphqlHandler(ctx: FakeContext): HttpHandler {
  return http.post(ctx.urls.graphql, async ({ request }) => {
    const url = new URL(request.url);
    const bucket = currentBucket(ctx.bucket('graphql'));
    const seen: { operationName?: string } = {};
    const answer = (status: number, body: unknown, remainingOverride?: number, extraHeaders: Record<string, string> = {}) => {
      const conditional = request.headers.has('if-none-match');
      ctx.record({ method: 'POST', url: request.url, kind: 'graphql', operationName: seen.operationName, status, conditional });
      return HttpResponse.json(body as Record<string, unknown>, {
        status,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-github-request-id': requestId(ctx),
          ...rateLimitHeaders(bucket, 'graphql', remainingOverride),
          ...extraHeaders,
        },
      });
    };

    let body: GraphqlBody;
    try {
      body = (await request.json()) as GraphqlBody;
    } catch {
      return answer(400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' });
    }
    const source = typeof body.query === 'string' ? body.query : undefined;
    const requestedName = typeof body.operationName === 'string' && body.operationName ? body.operationName : undefined;
    let document: DocumentNode | undefined;
    let syntaxError: GraphQLError | undefined;
    try {
      if (source !== undefined) document = parse(source);
    } catch (error) {
      syntaxError = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    }
    const operationName = requestedName ?? (document ? findOperation(document)?.name?.value : undefined);
    seen.operationName = operationName;

    const refused = ctx.refuseCredentials(request);
    if (refused) return answer(401, { message: refused, documentation_url: 'https://docs.github.com/graphql' });
    const failure = ctx.takeFailure({ method: 'POST', url, operationName });
    if (failure !== undefined) return answer(failure, errorBody(failure));
    if (ctx.takeGraphqlRateLimit()) return answer(200, RATE_LIMITED, 0);
    const fault = ctx.takeInjectedFault('graphql');
    if (fault === 'server-error') return answer(502, errorBody(502));
    if (fault === 'rate-limit') return answer(200, RATE_LIMITED, 0);
    if (fault === 'secondary-rate-limit') {
      return answer(403, { message: SECONDARY_LIMIT_MESSAGE, documentation_url: SECONDARY_LIMIT_DOCS }, undefined, {
        'retry-after': String(ctx.secondaryRetryAfter),
      });
    }
    if (fault === 'timeout') await delay(ctx.timeoutDelayMs);

    if (source === undefined) return answer(200, { errors: [{ message: 'A query attribute must be specified and must be a string.' }] });
    if (syntaxError || !document) return answer(200, { errors: [formatError(syntaxError ?? new GraphQLError('Invalid document'))] });

    const schema = githubGraphqlSchema();
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) return answer(200, { errors: validationErrors.map(formatError) });

    const operation = findOperation(document, requestedName);
    const variableInputs = (body.variables ?? {}) as Record<string, unknown>;
    let cost = 1;
    let nodeCount = 0;
    if (operation) {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableInputs);
      if (coerced.errors) return answer(200, { errors: coerced.errors.map(formatError) });
      const analysis = analyseOperation(schema, document, operation, coerced.coerced);
      if (analysis.errors.length > 0) return answer(200, { errors: analysis.errors });
      cost = analysis.cost;
      nodeCount = analysis.nodeCount;
    }
    if (cost > remaining(bucket)) return answer(200, RATE_LIMITED, 0);
    bucket.used += cost;

    const rootValue = createRootValue(createScope(ctx.org, ctx.urls), rateLimitValue(bucket, cost, nodeCount));
    const result = (await execute({ schema, document, rootValue, variableValues: variableInputs, operationName: requestedName })) as ExecutionResult;
    const response: Record<string, unknown> = {};
    if ('data' in result) response.data = result.data ?? null;
    if (result.errors?.length) response.errors = result.errors.map(formatError);
    const partial = ctx.takePartialAnswer(operationName);
    if (partial && leaveUnresolved(response.data, partial.path)) {
      response.errors = [...((response.errors as unknown[] | undefined) ?? []), { ...partial.error, path: partial.path }];
    }
    if (fault === 'timeout') timeOutPartly(response);
    return answer(200, response);
  });
}

/** Sets the value at `path` to null; false when the answer has nothing there. */
function leaveUnresolved(data: unknown, path: (string | number)[]): boolean {
  let parent = data as Record<string | number, unknown> | null;
  for (const key of path.slice(0, -1)) {
    parent = parent && typeof parent === 'object' ? (parent[key] as Record<string | number, unknown> | null) : null;
  }
  const last = path.at(-1);
  if (!parent || typeof parent !== 'object' || last === undefined || !(last in parent)) return false;
  parent[last] = null;
  return true;
}

/** As GitHub when part of a query times out: the first field of the answer null, and why beside it. */
function timeOutPartly(response: Record<string, unknown>): void {
  const data = response.data as Record<string, unknown> | null | undefined;
  const field = data ? Object.keys(data)[0] : undefined;
  if (data && field !== undefined) data[field] = null;
  const errors = (response.errors as unknown[] | undefined) ?? [];
  response.errors = [{ message: TIMEOUT_MESSAGE, ...(field !== undefined ? { path: [field] } : {}) }, ...errors];
}

function rateLimitValue(bucket: RateBucket, cost: number, nodeCount: number) {
  return {
    cost,
    limit: bucket.limit,
    nodeCount,
    remaining: remaining(bucket),
    resetAt: new Date(bucket.reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    used: bucket.used,
  };
}
