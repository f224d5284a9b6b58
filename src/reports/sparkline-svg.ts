/** A small inline SVG line of a few weekly values (no script, no external resource): email-safe. */
export function sparklineSvg(values: readonly (number | null)[], options: { width?: number; height?: number; color?: string } = {}): string {
  const width = options.width ?? 96;
  const height = options.height ?? 24;
  const known = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  if (known.length === 0) return '';
  const min = Math.min(...known.map((p) => p.v));
  const max = Math.max(...known.map((p) => p.v));
  const x = (i: number) => (values.length === 1 ? width / 2 : 2 + (i * (width - 4)) / (values.length - 1));
  const y = (v: number) => (max === min ? height / 2 : height - 2 - ((v - min) * (height - 4)) / (max - min));
  const points = known.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const last = known.at(-1)!;
  const color = options.color ?? '#2f5fd0';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="trend over ${values.length} weeks"><polyline fill="none" stroke="${color}" stroke-width="1.5" points="${points}"/><circle cx="${x(last.i).toFixed(1)}" cy="${y(last.v).toFixed(1)}" r="2" fill="${color}"/></svg>`;
}
