/**
 * The `created` window of a capped GitHub list. GitHub answers at most 1,000 items to a runs query
 * filtered on `created` (its `total_count` still counts them all), so a window holding more is
 * narrowed to its newer half until it fits, and what is left below it is read as its own window.
 * Windows are whole seconds, as GitHub's timestamps are: `from..to` with both ends included, or
 * `>=from` (open-ended, how a pass starts).
 */

export interface CreatedWindow {
  from: Date;
  /** null: open-ended (everything created since `from`). */
  to: Date | null;
}

const SECOND = 1000;

/** GitHub's spelling of a time in a search qualifier: UTC, whole seconds, `Z`. */
export function qualifierTime(time: Date): string {
  return new Date(Math.floor(time.getTime() / SECOND) * SECOND).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function formatWindow(window: CreatedWindow): string {
  return window.to ? `${qualifierTime(window.from)}..${qualifierTime(window.to)}` : `>=${qualifierTime(window.from)}`;
}

/** Reads back what formatWindow wrote (`>=A`, `A..B`, `A..*`); anything else is null. */
export function parseWindow(qualifier: string): CreatedWindow | null {
  const open = /^>=(.+)$/.exec(qualifier);
  const range = /^(.+)\.\.(.+)$/.exec(qualifier);
  const from = parseTime(open?.[1] ?? range?.[1]);
  if (!from) return null;
  if (open) return { from, to: null };
  if (range![2] === '*') return { from, to: null };
  const to = parseTime(range![2]);
  return to && to >= from ? { from, to } : null;
}

function parseTime(text: string | undefined): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text)) return null;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time;
}

/**
 * The newer half of a window GitHub capped. `newest` is the newest item seen in the capped answer
 * (lists run newest first), so an open-ended window is halved over the span that holds items.
 * Null when the window is one second wide: it cannot be split further.
 */
export function newerHalf(window: CreatedWindow, newest: Date | null): CreatedWindow | null {
  const top = Math.min(window.to?.getTime() ?? Infinity, newest?.getTime() ?? window.to?.getTime() ?? Infinity);
  const spanSeconds = Math.floor((top - window.from.getTime()) / SECOND);
  if (!Number.isFinite(spanSeconds) || spanSeconds < 1) return null;
  const middle = new Date(window.from.getTime() + Math.ceil(spanSeconds / 2) * SECOND);
  return { from: middle, to: window.to };
}

/** What a pass starting at `passFrom` still has to read below `window`, or null when nothing is. */
export function olderRest(window: CreatedWindow, passFrom: Date): CreatedWindow | null {
  const from = new Date(Math.floor(passFrom.getTime() / SECOND) * SECOND);
  if (window.from <= from) return null;
  return { from, to: new Date(window.from.getTime() - SECOND) };
}
