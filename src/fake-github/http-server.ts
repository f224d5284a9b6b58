/**
 * The fake GitHub over real HTTP on 127.0.0.1, for a process msw cannot reach: the demo's app
 * server, whose "Sync now" talks to it like a GitHub Enterprise Server (REST at /api/v3, GraphQL
 * at /api/graphql). The same handlers answer as in the tests, through msw's getResponse.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import type { FakeOrg } from './model';
import { createFakeGitHub, type FakeGitHub } from './server';

export interface FakeGitHubHttp {
  /** The API URL to configure (`GITHUB_API_URL`). */
  apiUrl: string;
  fake: FakeGitHub;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export async function serveFakeGitHub(org: FakeOrg): Promise<FakeGitHubHttp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`;
  const fake = createFakeGitHub(org, { apiUrl });
  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    void (async () => {
      try {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const request = new Request(`${apiUrl.replace(/\/api\/v3$/, '')}${incoming.url ?? '/'}`, { method: incoming.method, headers, body: await body(incoming) });
        const response = (await getResponse(fake.handlers, request)) ?? new Response(JSON.stringify({ message: 'Not Found' }), { status: 404 });
        const out: Record<string, string> = {};
        response.headers.forEach((value, name) => (out[name] = value));
        outgoing.writeHead(response.status, out);
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ message: String(error) }));
      }
    })();
  });
  return {
    apiUrl,
    fake,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
