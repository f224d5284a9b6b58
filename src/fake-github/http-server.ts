/**
 * The fake GitHub over real HTTP on 127.0.0.1, for a process msw cannot reach: the demo's app
 * server, whose "Sync now" talks to it like a GitHub Enterprise Server (REST at /api/v3, GraphQL
 * at /api/graphql, the paths Octokit derives from a GHES API URL). The same handlers answer as in
 * the tests, through msw's getResponse: node:http's request becomes a fetch Request, and the
 * Response is written back as it is (status, headers, body).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import type { FakeOrg } from './model';
import { createFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './server';

export interface FakeGitHubHttp {
  /** The API URL to configure (`GITHUB_API_URL`): http://127.0.0.1:PORT/api/v3. */
  apiUrl: string;
  /** Where GraphQL answers: http://127.0.0.1:PORT/api/graphql. */
  graphqlUrl: string;
  fake: FakeGitHub;
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function toRequest(origin: string, incoming: IncomingMessage, body: Uint8Array<ArrayBuffer> | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(new URL(incoming.url ?? '/', origin), { method: incoming.method, headers, body });
}

async function writeResponse(outgoing: ServerResponse, response: Response, head: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    // The body is written whole below, with its own length.
    if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection') headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length) headers['set-cookie'] = setCookies;
  const body = head ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
  if (!head) headers['content-length'] = String(body.length);
  outgoing.writeHead(response.status, response.statusText || undefined, headers);
  outgoing.end(body);
}

function notFound(): Response {
  return Response.json({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }, { status: 404 });
}

export interface ServeOptions extends Omit<FakeGitHubOptions, 'apiUrl'> {
  /** Held before each answer, as a network round trip to GitHub would be (benchmarks: e.g. 50 ms). */
  latencyMs?: number;
}

export async function serveFakeGitHub(org: FakeOrg, options: ServeOptions = {}): Promise<FakeGitHubHttp> {
  const { latencyMs = 0, ...fakeOptions } = options;
  const server = createServer();
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiUrl = `${origin}/api/v3`;
  const fake = createFakeGitHub(org, { ...fakeOptions, apiUrl });
  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    void (async () => {
      try {
        const request = toRequest(origin, incoming, await readBody(incoming));
        const response = (await getResponse(fake.handlers, request)) ?? notFound();
        if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
        await writeResponse(outgoing, response, incoming.method === 'HEAD');
      } catch (error) {
        if (outgoing.headersSent) {
          outgoing.destroy();
          return;
        }
        outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ message: `the fake GitHub failed: ${error instanceof Error ? error.message : String(error)}` }));
      }
    })();
  });
  return {
    apiUrl,
    graphqlUrl: `${origin}/api/graphql`,
    fake,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
