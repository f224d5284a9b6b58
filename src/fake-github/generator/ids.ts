/**
 * Ids, node ids and commit shas. Each kind counts up from its own GitHub-sized base, so ids are
 * unique per kind across the org and look like real ones (e.g. pull request ids in the billions),
 * which catches sync code that stores them in 32-bit integer columns.
 */
import type { Rng } from './random';

const BASES = {
  repository: 612_000_000,
  pullRequest: 2_004_000_000,
  review: 2_310_000_000,
  timelineEvent: 14_200_000_000,
  commitStatus: 31_800_000_000,
  checkRun: 28_400_000_000,
  issue: 2_500_000_000,
  issueComment: 2_390_000_000,
  reviewComment: 1_780_000_000,
  workflow: 98_000_000,
  workflowRun: 11_900_000_000,
  deployment: 1_960_000_000,
  deploymentStatus: 3_880_000_000,
  release: 175_000_000,
} as const;

export type IdKind = keyof typeof BASES;

/** GraphQL type prefixes of GitHub's current node id format (`PR_kwDO…`, `PRR_kwDO…`). */
const NODE_PREFIX: Record<string, string> = {
  user: 'U_kgDO',
  bot: 'BOT_kgDO',
  repository: 'R_kgDO',
  pullRequest: 'PR_kwDO',
  review: 'PRR_kwDO',
  ReviewRequestedEvent: 'RRE_lADO',
  ReviewRequestRemovedEvent: 'RRRE_lADO',
  ReadyForReviewEvent: 'RFRE_lADO',
  ConvertToDraftEvent: 'CTDE_lADO',
  commitStatus: 'SC_kwDO',
  deployment: 'DE_kwDO',
};

export class Ids {
  private readonly counters = new Map<IdKind, number>();
  private readonly shas = new Set<string>();

  constructor(private readonly shaRng: Rng) {}

  /** Steps of 1–3 like a busy shared sequence, never colliding within a kind. */
  next(kind: IdKind): number {
    const previous = this.counters.get(kind) ?? BASES[kind];
    const id = previous + 1 + Math.floor(this.shaRng.next() * 3);
    this.counters.set(kind, id);
    return id;
  }

  /** Base64 of the kind and id: opaque like GitHub's, unique because (kind, id) is. */
  nodeId(kind: string, id: number): string {
    const prefix = NODE_PREFIX[kind] ?? `${kind}_kwDO`;
    return prefix + btoa(`${kind}:${id}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  /** A fresh 40-hex sha, unique across the org. */
  sha(): string {
    for (;;) {
      let sha = '';
      for (let i = 0; i < 5; i++) sha += this.shaRng.hex8();
      if (!this.shas.has(sha)) {
        this.shas.add(sha);
        return sha;
      }
    }
  }
}
