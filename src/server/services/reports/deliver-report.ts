/**
 * `report --post`: the Markdown summary to a Slack incoming webhook, or the whole report as JSON to
 * a generic webhook. Retried on 429 and 5xx (honouring Retry-After, up to a cap) with backoff; any
 * other answer, or the last failure, is a DeliveryError that names the endpoint's kind and status but
 * never its URL (a webhook URL is a credential).
 */
import type { WeeklyReport } from '@/reports/weekly-report.types';

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

export interface DeliveryOptions {
  attempts?: number;
  /** First backoff; doubles each retry. */
  baseDelayMs?: number;
  /** The longest wait between attempts, whatever Retry-After asks (default 30 s). */
  maxDelayMs?: number;
  fetch?: typeof fetch;
}

/** POSTs `body` as JSON with the retries above; `kind` names the endpoint in errors (never its URL). Nudges use it too. */
export async function postJson(kind: string, url: string, body: unknown, options: DeliveryOptions = {}): Promise<void> {
  const attempts = options.attempts ?? 3;
  const send = options.fetch ?? fetch;
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      // A message may quote the URL ("Failed to parse URL from …"): never show it. fetch's own
      // message is only "fetch failed"; the cause's code says why (ECONNREFUSED, ENOTFOUND, …).
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof Error && error.cause && typeof error.cause === 'object' && 'code' in error.cause ? `: ${String(error.cause.code)}` : '';
      last = `was unreachable (${`${message}${code}`.replaceAll(url, 'its URL')})`;
      response = new Response(null, { status: 599 });
    }
    if (response.ok) return;
    if (response.status !== 599) last = `answered ${response.status} ${(await response.text()).slice(0, 200)}`.trim();
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt === attempts) break;
    const retryAfter = Number(response.headers.get('retry-after'));
    const backoff = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : (options.baseDelayMs ?? 1000) * 2 ** (attempt - 1);
    const delay = Math.min(backoff, options.maxDelayMs ?? 30_000);
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new DeliveryError(`The ${kind} ${last} (after ${attempts} attempt${attempts === 1 ? '' : 's'} at most)`);
}

/** Slack: the Markdown summary as the message text (Slack shows it as mrkdwn). */
export function postToSlack(url: string, markdown: string, options: DeliveryOptions = {}): Promise<void> {
  return postJson('Slack webhook', url, { text: markdown }, options);
}

/** A generic webhook: the report model and its Markdown. */
export function postToWebhook(url: string, report: WeeklyReport, markdown: string, options: DeliveryOptions = {}): Promise<void> {
  return postJson('webhook', url, { report, markdown }, options);
}
