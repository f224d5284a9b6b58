import { describe, expect, it } from 'vitest';
import { isHotfix } from '@/metrics/delivery/hotfix';
import { isRevert, revertedBy } from '@/metrics/delivery/reverts';
import { pr, settings } from './builders';

describe('reverts and hotfixes', () => {
  it('recognises a revert by its title or its revert-N- branch', () => {
    expect(isRevert(pr(1, { title: 'Revert "Add cart"' }))).toBe(true);
    expect(isRevert(pr(2, { title: 'Undo cart', headRef: 'revert-1-feature-1' }))).toBe(true);
    expect(isRevert(pr(3, { title: 'Reverting the cart change' }))).toBe(false);
    expect(isRevert(pr(4, { headRef: 'revert-cart' }))).toBe(false);
  });

  it('names the latest PR of the quoted title merged before the revert, and a revert of a revert names the revert', () => {
    const first = pr(1, { title: 'Bump deps', mergedAt: '2026-11-02T09:00:00Z' });
    const second = pr(2, { title: 'Bump deps', mergedAt: '2026-11-03T09:00:00Z' });
    const later = pr(5, { title: 'Bump deps', mergedAt: '2026-11-06T09:00:00Z' });
    const revert = pr(3, { title: 'Revert "Bump deps"', mergedAt: '2026-11-04T09:00:00Z' });
    const revertRevert = pr(4, { title: 'Revert "Revert "Bump deps""', mergedAt: '2026-11-05T09:00:00Z' });
    const all = [first, second, later, revert, revertRevert];
    expect(revertedBy(revert, all).map((p) => p.number)).toEqual([2]);
    expect(revertedBy(revertRevert, all).map((p) => p.number)).toEqual([3]);
    // Not merged: it reverts nothing yet.
    expect(revertedBy(pr(6, { title: 'Revert "Bump deps"' }), all)).toEqual([]);
  });

  it('recognises a hotfix by a label or the head branch, case-insensitively', () => {
    expect(isHotfix(pr(1, { labels: ['HOTFIX'] }), settings)).toBe(true);
    expect(isHotfix(pr(2, { headRef: 'hotfix/login' }), settings)).toBe(true);
    expect(isHotfix(pr(3, { title: 'hotfix for login' }), settings)).toBe(false); // the title is not read
  });
});
