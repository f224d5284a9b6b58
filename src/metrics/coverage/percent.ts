/**
 * The coverage percentage in a coverage tool's one-line report.
 *
 * The contract said "the first `NN.NN%`". Read literally that breaks on Coveralls, whose description
 * puts the change first: `Coverage increased (+0.1%) to 81.234%`. So: the first percentage that is
 * not a change, i.e. not preceded by a sign or a comparison (`+0.1%`, `-0.02%`, `+<.01%`), with any
 * number of decimals (Coveralls writes three, `to 100%` none), between 0 and 100.
 *   `57.42% (+<.01%) compared to 559fe9e`      → 57.42
 *   `Coverage increased (+0.1%) to 81.234%`    → 81.234
 *   `85.71% of diff hit (target 80.00%)`       → 85.71
 */
const PERCENTAGE = /(?<![\d.+\-−±<>~])(\d+(?:\.\d+)?|\.\d+) ?%/g;

export function firstPercentage(text: string | null | undefined): number | null {
  if (!text) return null;
  for (const match of text.matchAll(PERCENTAGE)) {
    const value = Number(match[1]);
    if (Number.isFinite(value) && value >= 0 && value <= 100) return value;
  }
  return null;
}

/** Percentage-point arithmetic without binary noise: 81.23 − 80.23 is 1, not 1.0000000000000142. */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}
