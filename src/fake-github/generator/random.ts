/**
 * A tiny seeded PRNG. The generator must be a pure function of (seed, now): tests deep-compare two
 * runs, and benchmarks compare numbers across machines, so nothing here may touch Math.random.
 *
 * mulberry32 is 32 bits of state and a handful of integer ops: statistically fine for test data and
 * stable across JS engines (only Math.imul and unsigned shifts), which is what matters here.
 */

/** FNV-1a over a label, so sub-streams are keyed by name and not by the order they are created in. */
function hashLabel(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` returns 'a' three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('Rng.weighted: empty list');
    return last[0];
  }

  /** Standard normal (Box–Muller); 1 - next() keeps log() away from 0. */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Log-normal around a median: human delays (pickup, review, merge) and PR sizes are right-skewed
   * with a long tail, which is exactly what p50/p75/p90 headlines are meant to be tested against.
   */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** k distinct items in random order (k clamped to the list). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, Math.max(0, k));
  }

  /** 32 random bits as 8 hex digits. */
  hex8(): string {
    return Math.floor(this.next() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  }
}

/**
 * An independent stream for one concern, e.g. `rngFor(seed, 'repo', 'acme/web')`. Keying streams by
 * name keeps acme/web identical whether the org has 4 or 6 repositories.
 */
export function rngFor(seed: number, ...labels: (string | number)[]): Rng {
  let state = hashLabel(`${seed}|${labels.join('|')}`);
  // Warm up: FNV outputs of similar labels are correlated in their low bits.
  const rng = new Rng(state);
  for (let i = 0; i < 4; i++) state = (state ^ Math.floor(rng.next() * 4294967296)) >>> 0;
  return new Rng(state);
}
