/**
 * The fake GitHub as a GitHub App's installation: `POST /app/installations/{id}/access_tokens`
 * exchanges a JWT signed with the App's private key (checked here against its public key, RS256, as
 * GitHub does) for an installation token, and every other request must carry a live one. A token
 * expires `tokenLifetimeMs` after it was issued, on the fake's own clock (`now`), so a test can let it
 * expire mid-sync; the JWT's `iat`/`exp` are checked against the system clock, which the signer uses.
 */
import { createVerify, randomBytes } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { FakeContext } from './context';

export interface FakeAppSettings {
  appId: number;
  installationId: number;
  /** The App's public key, PEM (SPKI): JWTs are verified with it. */
  publicKey: string;
  /** Default one hour, as GitHub. */
  tokenLifetimeMs?: number;
  /** Epoch ms for token expiry; default the system clock. */
  now?: () => number;
}

export interface IssuedToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

export interface FakeApp {
  /** Every installation token issued, in order. */
  tokens: IssuedToken[];
  /** Why the request's credentials are refused (GitHub's message), or null when they hold a live token. */
  refuse(request: Request): string | null;
  /** Revoke every token issued so far (as an admin uninstalling the App would). */
  revokeAll(): void;
}

const BAD_CREDENTIALS = 'Bad credentials';
const JWT_DOCS = 'https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app';

export function fakeApp(settings: Pick<FakeAppSettings, 'now'>): FakeApp {
  const now = settings.now ?? Date.now;
  const tokens: IssuedToken[] = [];
  const revoked = new Set<string>();
  return {
    tokens,
    refuse(request) {
      const [scheme, credential] = (request.headers.get('authorization') ?? '').split(' ');
      if (!credential || !/^(token|bearer)$/i.test(scheme ?? '')) return 'Requires authentication';
      const issued = tokens.find((t) => t.token === credential);
      if (!issued || revoked.has(credential) || now() >= issued.expiresAt) return BAD_CREDENTIALS;
      return null;
    },
    revokeAll() {
      for (const t of tokens) revoked.add(t.token);
    },
  };
}

/** The token exchange. Registered before the other handlers; it needs the JWT, not a token. */
export function appHandlers(ctx: FakeContext, app: FakeApp, settings: FakeAppSettings): HttpHandler[] {
  const now = settings.now ?? Date.now;
  const lifetimeMs = settings.tokenLifetimeMs ?? 3_600_000;
  return [
    http.post(`${ctx.urls.api}/app/installations/:installationId/access_tokens`, ({ request, params }) => {
      const refuse = (status: number, message: string, documentationUrl: string) => {
        ctx.record({ method: 'POST', url: request.url, kind: 'rest', status, conditional: false });
        return HttpResponse.json({ message, documentation_url: documentationUrl, status: String(status) }, { status });
      };
      const jwt = /^bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
      const problem = jwt ? checkJwt(jwt, settings) : 'A JSON web token could not be decoded';
      if (problem) return refuse(401, problem, JWT_DOCS);
      if (Number(params.installationId) !== settings.installationId) return refuse(404, 'Not Found', 'https://docs.github.com/rest');

      const issuedAt = now();
      const token: IssuedToken = { token: `ghs_${randomBytes(18).toString('base64url')}`, issuedAt, expiresAt: issuedAt + lifetimeMs };
      app.tokens.push(token);
      ctx.record({ method: 'POST', url: request.url, kind: 'rest', status: 201, conditional: false });
      return HttpResponse.json(
        {
          token: token.token,
          expires_at: new Date(token.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          permissions: {
            actions: 'read',
            checks: 'read',
            contents: 'read',
            deployments: 'read',
            issues: 'read',
            metadata: 'read',
            pull_requests: 'read',
            statuses: 'read',
          },
          repository_selection: 'all',
        },
        { status: 201 },
      );
    }),
  ];
}

/** GitHub's complaint about a JWT, or null when it is signed by the App's key (RS256), names the App and is current. */
function checkJwt(jwt: string, settings: FakeAppSettings): string | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'A JSON web token could not be decoded';
  const [head, body, signature] = parts as [string, string, string];
  let header: { alg?: unknown };
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as typeof header;
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return 'A JSON web token could not be decoded';
  }
  if (header.alg !== 'RS256') return "'Algorithm' must be RS256";
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${head}.${body}`);
  if (!verifier.verify(settings.publicKey, Buffer.from(signature, 'base64url'))) return 'A JSON web token could not be decoded';
  if (String(claims.iss) !== String(settings.appId)) return `'Issuer' claim ('iss') must be an Integer`;
  const seconds = Math.floor(Date.now() / 1000);
  if (typeof claims.iat !== 'number' || claims.iat > seconds + 60)
    return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
  if (typeof claims.exp !== 'number' || claims.exp <= seconds)
    return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
  if (claims.exp - claims.iat > 600) return "'Expiration time' claim ('exp') is too far in the future";
  return null;
}
