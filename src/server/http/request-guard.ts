/**
 * What a request must look like before any route sees it (the proxy applies it to every request):
 * addressed to this install's name, and, when it changes something, sent by this app's own pages
 * as JSON. Cross-site, a browser can send a form (urlencoded, multipart or text/plain) without
 * asking first; it cannot send JSON without a CORS preflight, which is never granted. So a write
 * must be JSON, and one that says where it comes from (Origin, Sec-Fetch-Site) must come from here.
 * Requests with neither header come from scripts and tools, not from a browser a website drives.
 */
import { hostRefusal, isAllowedHost } from './allowed-hosts';

/** The largest request body accepted (the largest real one, a batch of dashboard queries, is a few kB). */
export const MAX_BODY_BYTES = 256 * 1024;

export interface Refusal {
  status: 403 | 413 | 415 | 421;
  reason: string;
}

interface GuardedRequest {
  method: string;
  headers: Headers;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseRequest(request: GuardedRequest, publicUrl: string | null): Refusal | null {
  const host = request.headers.get('host');
  if (!isAllowedHost(host, publicUrl)) return { status: 421, reason: hostRefusal(host, publicUrl) };
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;

  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    return { status: 403, reason: `Refused a ${site} ${request.method}: changes are accepted only from Leadline's own pages.` };
  }
  const origin = request.headers.get('origin');
  if (origin !== null && !isOwnOrigin(origin, host!, publicUrl)) {
    return { status: 403, reason: `Refused a ${request.method} from origin ${JSON.stringify(origin)}: changes are accepted only from Leadline's own pages.` };
  }
  const notJson = refuseUnlessJson(request);
  if (notJson) return notJson;
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return { status: 413, reason: `The request body is ${length} bytes; at most ${MAX_BODY_BYTES} are accepted.` };
  return null;
}

/** A change must be JSON (tRPC would take a form as a mutation's input: a cross-site form post). */
export function refuseUnlessJson(request: GuardedRequest): Refusal | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return null;
  return {
    status: 415,
    reason: `Changes are accepted as JSON only (Content-Type: application/json); this ${request.method} sent ${type ? JSON.stringify(type) : 'no content type'}.`,
  };
}

/** The origin of the page that sent it is this server as the request addressed it, or the public URL. */
function isOwnOrigin(origin: string, host: string, publicUrl: string | null): boolean {
  if (publicUrl && origin === publicUrl) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed frame, a file:) and anything unparsable
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase() && isAllowedHost(url.host, publicUrl);
}
