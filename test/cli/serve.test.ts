/**
 * `leadline serve` (npm start): where the app listens. Without sign-in, 127.0.0.1 unless told
 * otherwise; another address only with LEADLINE_ALLOW_UNAUTHENTICATED=true, and then with a warning.
 */
import { describe, expect, it } from 'vitest';
import { chooseBinding } from '@/cli/binding';
import { serveCommand } from '@/cli/commands/serve';
import { ConfigError, loadConfig } from '@/config/env';

const LOCAL_ONLY = { publicUrl: null, allowUnauthenticated: false };

async function serve(env: Record<string, string>, args: { port?: number; hostname?: string } = {}) {
  let stderr = '';
  const runs: string[][] = [];
  const code = await serveCommand({ command: 'serve', ...args }, loadConfig(env), {
    env: env as NodeJS.ProcessEnv,
    err: { write: (text: string) => (stderr += text) },
    run: async (argv) => {
      runs.push(argv);
      return 0;
    },
  });
  return { code, stderr, runs };
}

describe('where the app listens', () => {
  it('listens on 127.0.0.1 by default, and says so', async () => {
    const { code, stderr, runs } = await serve({});
    expect(code).toBe(0);
    expect(runs).toEqual([['start', '--hostname', '127.0.0.1', '--port', '3000']]);
    expect(stderr).toBe(
      'Serving on http://127.0.0.1:3000, reachable from this machine only (no sign-in is configured; see the README, “Deploying for a team”).\n',
    );
    expect((await serve({ PORT: '4000' })).runs[0]).toEqual(['start', '--hostname', '127.0.0.1', '--port', '4000']);
  });

  it('accepts other loopback addresses without a setting', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1']) {
      expect(chooseBinding(host, 3000, LOCAL_ONLY)).toMatchObject({ hostname: host, warning: null });
    }
  });

  it('refuses any other address without LEADLINE_ALLOW_UNAUTHENTICATED, from -H or HOSTNAME, saying why and what to set', async () => {
    for (const [env, args] of [
      [{}, { hostname: '0.0.0.0' }],
      [{ HOSTNAME: '0.0.0.0' }, {}],
      [{ HOSTNAME: '192.168.1.5' }, {}],
      [{ LEADLINE_ALLOW_UNAUTHENTICATED: 'false' }, { hostname: '::' }],
    ] as const) {
      const refused = await serve(env, args).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(ConfigError);
      expect((refused as Error).message).toMatch(/^Refusing to listen on \S+ without sign-in: anyone who reaches port 3000 would read all synced data/);
      expect((refused as Error).message).toContain('LEADLINE_ALLOW_UNAUTHENTICATED=true');
    }
  });

  it('listens elsewhere when explicitly allowed, with a warning (and another when no public URL is set)', async () => {
    const allowed = await serve(
      { LEADLINE_ALLOW_UNAUTHENTICATED: 'true', LEADLINE_PUBLIC_URL: 'https://leadline.internal.example' },
      { hostname: '0.0.0.0', port: 8080 },
    );
    expect(allowed.runs).toEqual([['start', '--hostname', '0.0.0.0', '--port', '8080']]);
    expect(allowed.stderr).toBe(
      'WARNING: serving on 0.0.0.0 with no sign-in (LEADLINE_ALLOW_UNAUTHENTICATED=true): everyone who reaches port 8080 sees all synced data and can start syncs.\n' +
        'Serving on http://0.0.0.0:8080, opened as https://leadline.internal.example.\n',
    );
    const noUrl = await serve({ LEADLINE_ALLOW_UNAUTHENTICATED: 'true', HOSTNAME: '0.0.0.0' });
    expect(noUrl.stderr).toContain('LEADLINE_PUBLIC_URL is not set, so requests under any name but localhost are refused (421)');
  });

  it('rejects a malformed setting naming the variable', () => {
    expect(() => loadConfig({ LEADLINE_ALLOW_UNAUTHENTICATED: 'yes' })).toThrow(/LEADLINE_ALLOW_UNAUTHENTICATED: must be true or false/);
    expect(() => loadConfig({ LEADLINE_PUBLIC_URL: 'https://leadline.example.com/dashboard' })).toThrow(/LEADLINE_PUBLIC_URL: must be an origin only/);
    expect(() => loadConfig({ LEADLINE_PUBLIC_URL: 'ftp://x' })).toThrow(/LEADLINE_PUBLIC_URL: must be the http\(s\) URL/);
    expect(loadConfig({ LEADLINE_PUBLIC_URL: 'https://Leadline.Example.com/' }).web).toEqual({
      publicUrl: 'https://leadline.example.com',
      allowUnauthenticated: false,
    });
  });
});
