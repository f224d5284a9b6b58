/**
 * Delivery's retry policy without a network: 429 and 5xx are retried (Retry-After honoured up to a
 * cap), other answers are not, and no error ever shows the webhook's URL (a credential).
 */
import { describe, expect, it } from 'vitest';
import { DeliveryError, postToSlack, postToWebhook } from '@/server/services/reports/deliver-report';
import type { WeeklyReport } from '@/reports/weekly-report.types';

const URL_ = 'https://hooks.slack.com/services/T000/B000/very-secret';

function fakeFetch(answers: (() => Response)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    return answer();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('report delivery', () => {
  it('posts the Markdown to Slack as the message text', async () => {
    const { fetch, calls } = fakeFetch([() => new Response('ok')]);
    await postToSlack(URL_, '# Report\n- one', { fetch });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(URL_);
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ text: '# Report\n- one' });
  });

  it('posts the model and its Markdown to a generic webhook', async () => {
    const { fetch, calls } = fakeFetch([() => new Response(null, { status: 204 })]);
    await postToWebhook('https://example.internal/hook', { version: 1 } as WeeklyReport, '# md', { fetch });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ report: { version: 1 }, markdown: '# md' });
  });

  it('retries 429 and 5xx, honouring Retry-After up to the cap', async () => {
    const { fetch, calls } = fakeFetch([
      () => new Response('rate_limited', { status: 429, headers: { 'retry-after': '3600' } }),
      () => new Response('oops', { status: 502 }),
      () => new Response('ok'),
    ]);
    const started = Date.now();
    await postToSlack(URL_, 'x', { fetch, baseDelayMs: 1, maxDelayMs: 20 });
    expect(calls).toHaveLength(3);
    // An hour asked for, 20 ms waited.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not retry an answer that will not change, and says what it was', async () => {
    const { fetch, calls } = fakeFetch([() => new Response('invalid_payload', { status: 400 })]);
    const error = await postToSlack(URL_, 'x', { fetch, baseDelayMs: 1 }).catch((e: unknown) => e);
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as Error).message).toBe('The Slack webhook answered 400 invalid_payload (after 3 attempts at most)');
  });

  it('gives up after the last attempt without showing the URL, even when the error quotes it', async () => {
    let count = 0;
    const fetch = (async (url: string) => {
      count++;
      throw new TypeError(`Failed to parse URL from ${url}`);
    }) as unknown as typeof globalThis.fetch;
    const error = await postToWebhook(URL_, { version: 1 } as WeeklyReport, 'x', { fetch, attempts: 2, baseDelayMs: 1 }).catch((e: unknown) => e);
    expect(count).toBe(2);
    expect((error as Error).message).toBe('The webhook was unreachable (Failed to parse URL from its URL) (after 2 attempts at most)');
    expect((error as Error).message).not.toContain('very-secret');
  });
});
