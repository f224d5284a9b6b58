/**
 * What a reader sees, measured in the page: an axe-core check (WCAG 2.0/2.1 A and AA), tables that
 * scroll inside their card instead of widening the page, and chart lines drawn as straight segments
 * (a curve between two weekly points invents values, and a peak, that no week had).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Each axe violation as `rule (impact): help — the first few elements`, so a failure names what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('; ')}`,
  );
}

export interface TableBox {
  /** The table's class and caption or first header, to name it in a failure. */
  name: string;
  tableWidth: number;
  /** The nearest ancestor that clips the table sideways, and how it clips. */
  scroller: { overflowX: string; clientWidth: number; left: number; right: number } | null;
  /** The card (panel, drawer, or the scroller's own bordered box) the table belongs to. */
  card: { left: number; right: number } | null;
}

/** The page's width against its viewport, and every visible table with its scroller and card. */
export function measureTables(page: Page): Promise<{ pageScrollWidth: number; viewportWidth: number; tables: TableBox[] }> {
  // No named helper inside: the function is sent to the page as source, without this module's scope.
  return page.evaluate(() => {
    const tables = [...document.querySelectorAll('table')]
      .filter((t) => t.getClientRects().length > 0)
      .map((table) => {
        let scroller: HTMLElement | null = table.parentElement;
        while (scroller && getComputedStyle(scroller).overflowX === 'visible') scroller = scroller.parentElement;
        const card = (scroller ?? table).parentElement?.closest<HTMLElement>('.panel, .drawer, main') ?? null;
        return {
          name: `${table.className || 'table'} "${(table.querySelector('caption, th')?.textContent ?? '').trim()}"`,
          tableWidth: table.scrollWidth,
          scroller:
            scroller && scroller !== document.documentElement && scroller !== document.body
              ? {
                  overflowX: getComputedStyle(scroller).overflowX,
                  clientWidth: scroller.clientWidth,
                  left: scroller.getBoundingClientRect().left,
                  right: scroller.getBoundingClientRect().right,
                }
              : null,
          card: card ? { left: card.getBoundingClientRect().left, right: card.getBoundingClientRect().right } : null,
        };
      });
    return { pageScrollWidth: document.documentElement.scrollWidth, viewportWidth: document.documentElement.clientWidth, tables };
  });
}

/**
 * What is wrong with the tables' layout: the page scrolls sideways, a table wider than its room is
 * clipped (not scrollable) or has no scroller of its own, or its scroller sticks out of its card.
 */
export function tableLayoutProblems(measured: Awaited<ReturnType<typeof measureTables>>): string[] {
  const problems: string[] = [];
  if (measured.pageScrollWidth > measured.viewportWidth)
    problems.push(`the page is ${measured.pageScrollWidth} px wide in a ${measured.viewportWidth} px window`);
  for (const t of measured.tables) {
    if (!t.scroller) {
      problems.push(`${t.name} has no scroller of its own`);
      continue;
    }
    if (t.tableWidth > t.scroller.clientWidth && !['auto', 'scroll'].includes(t.scroller.overflowX))
      problems.push(`${t.name} is clipped (${t.tableWidth} px in ${t.scroller.clientWidth} px, overflow-x ${t.scroller.overflowX})`);
    if (t.card && (t.scroller.left < t.card.left - 0.5 || t.scroller.right > t.card.right + 0.5)) {
      problems.push(
        `${t.name}'s scroller (${Math.round(t.scroller.left)}–${Math.round(t.scroller.right)} px) leaves its card (${Math.round(t.card.left)}–${Math.round(t.card.right)} px)`,
      );
    }
  }
  return problems;
}

/**
 * Every chart line (recharts' curves) on the page: its SVG path and the centres of the dots drawn
 * with it (recharts puts the dots in a layer of their own; each chart here has one line).
 */
export function chartLines(page: Page): Promise<{ path: string; dots: { x: number; y: number }[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('path.recharts-line-curve')].map((line) => ({
      path: line.getAttribute('d') ?? '',
      dots: [...(line.closest('.recharts-wrapper')?.querySelectorAll('.recharts-line-dots circle') ?? [])].map((c) => ({
        x: Number(c.getAttribute('cx')),
        y: Number(c.getAttribute('cy')),
      })),
    })),
  );
}

/** An SVG path's commands that draw a curve (C, S, Q, T, A): a straight-segment line has none. */
export function curveCommands(path: string): string[] {
  return path.match(/[CcSsQqTtAa]/g) ?? [];
}

/** The vertices of a path made of M and L commands (absolute, as recharts writes them). */
export function pathVertices(path: string): { x: number; y: number }[] {
  return [...path.matchAll(/[ML]\s*(-?[\d.]+(?:e-?\d+)?)[ ,](-?[\d.]+(?:e-?\d+)?)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}
