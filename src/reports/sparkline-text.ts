/**
 * A few weekly values as a line of block characters (▁▂▃▄▅▆▇█; `·` for a week without a value), for
 * text formats: it reads in Slack, GitHub and Confluence, where an image would not.
 */
const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparklineText(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values.map((v) => (v === null ? '·' : BLOCKS[max === min ? 3 : Math.round(((v - min) / (max - min)) * (BLOCKS.length - 1))])).join('');
}
