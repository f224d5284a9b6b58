import type { z } from 'zod';
import type { Logger } from '@/server/logger';

/**
 * Parses each item on its own: a malformed one is logged (with what was wrong) and skipped, and the
 * rest of the page is kept.
 */
export function parseItems<T extends z.ZodType>(schema: T, items: readonly unknown[], what: string, logger: Logger): z.infer<T>[] {
  const parsed: z.infer<T>[] = [];
  for (const item of items) {
    const result = schema.safeParse(item);
    if (result.success) {
      parsed.push(result.data);
      continue;
    }
    const issues = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`)
      .join('; ');
    logger.warn(`skipped a malformed ${what} ${describe(item)}: ${issues}`);
  }
  return parsed;
}

function describe(item: unknown): string {
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    const id = o.number ?? o.databaseId ?? o.id ?? o.oid ?? o.sha;
    if (id !== undefined) return `(${typeof o.number === 'number' ? '#' : 'id '}${String(id)})`;
  }
  return '(no id)';
}
