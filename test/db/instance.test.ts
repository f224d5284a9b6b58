import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '@/config/env';
import { closeDatabase, getDatabase } from '@/server/db/instance';

describe('getDatabase', () => {
  const saved = process.env.DATABASE_URL;
  afterEach(async () => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    await closeDatabase();
  });

  it('surfaces a configuration error with its message, naming the variable', async () => {
    process.env.DATABASE_URL = 'mysql://localhost/leadline';
    const error = await getDatabase().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('DATABASE_URL: must be a postgres:// URL');
  });

  it('shares one opening between concurrent callers, and does not cache a failure', async () => {
    process.env.DATABASE_URL = 'mysql://localhost/leadline';
    const first = getDatabase();
    expect(getDatabase()).toBe(first);
    await expect(first).rejects.toThrow(ConfigError);
    const retry = getDatabase();
    expect(retry).not.toBe(first);
    await expect(retry).rejects.toThrow(ConfigError);
  });
});
