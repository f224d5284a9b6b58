/**
 * Who is asking: the one place every tRPC procedure, page and download learns it. Without sign-in
 * (the only mode today) everyone is the same anonymous requester, which the server only answers on
 * this machine or behind an explicit LEADLINE_ALLOW_UNAUTHENTICATED (see `leadline serve`). Sign-in
 * slots in here: read the session from the request's cookies, return the user (whose `key` then
 * gives each user their own rate limits), or refuse the request.
 */
export interface Requester {
  kind: 'anonymous';
  /** What per-requester limits are counted by: every anonymous request shares one budget. */
  key: string;
}

export const ANONYMOUS: Requester = { kind: 'anonymous', key: 'anonymous' };

export function identifyRequester(_headers: Headers): Requester {
  return ANONYMOUS;
}
