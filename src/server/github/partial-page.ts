/**
 * What a partial GraphQL page is missing. GitHub answers an item it could not resolve (often on a
 * timeout) as null, or a field inside it as null, and names the path in an error. Such a page must
 * not move the cursor or the watermark: the items that resolved are stored, the pass stops with an
 * error, and the next sync asks for the page again (docs/architecture.md, "GraphQL partial answers").
 */
import { describeGraphqlErrors, type GraphqlError } from './client';

/**
 * Indexes of the items under `nodesPath` that an error touches (a half-resolved item would be stored
 * wrong, so it counts as missing), or `page` when an error lies outside the items: nothing is trusted.
 */
export function missingItems(errors: GraphqlError[], nodesPath: readonly string[]): Set<number> | 'page' {
  const missing = new Set<number>();
  for (const error of errors) {
    const path = error.path ?? [];
    const inside = nodesPath.every((key, i) => path[i] === key) && typeof path[nodesPath.length] === 'number';
    if (!inside) return 'page';
    missing.add(path[nodesPath.length] as number);
  }
  return missing;
}

export function incompletePage(what: string, missing: number, stored: number, errors: GraphqlError[]): Error {
  return new Error(
    `GitHub could not resolve ${missing} ${what} of a page (${describeGraphqlErrors(errors)}); ` +
      `${stored === 0 ? 'nothing of it is stored' : `the ${stored} it resolved are stored`}, and the next sync asks for the page again`,
  );
}
