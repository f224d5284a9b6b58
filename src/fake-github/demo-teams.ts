/**
 * The demo's teams file: the synthetic org's GitHub teams, each answering for the repositories its
 * profile gives it, with working agreements a real team might set (docs/agreements.md). The demo
 * writes it to its data directory, where the app and `leadline nudge` find it.
 */
import type { FakeOrg } from './model';
import { repoProfiles } from './generator/repos';

const AGREEMENTS: Record<string, Record<string, number | boolean>> = {
  backend: { firstReviewHours: 8, reviewResponseHours: 8, maxChangedLines: 400, approvalBeforeMerge: true, maxRedHours: 4, maxCoverageDropPp: 1 },
  frontend: { firstReviewHours: 4, reviewResponseHours: 4, maxChangedLines: 300, approvalBeforeMerge: true, maxRedHours: 2 },
  platform: { firstReviewHours: 16, approvalBeforeMerge: true, maxRedHours: 8 },
  mobile: { firstReviewHours: 8, maxChangedLines: 500, maxCoverageDropPp: 2 },
};

export function demoTeamsFile(org: FakeOrg): Record<string, unknown> {
  const profiles = repoProfiles(org.repositories.length);
  const teamOf = new Map(profiles.map((p) => [p.name, p.team]));
  return Object.fromEntries(
    org.teams
      .filter((t) => t.memberLogins.length > 0)
      .map((team) => {
        const repos = org.repositories.filter((r) => teamOf.get(r.name) === team.slug).map((r) => `${r.owner}/${r.name}`);
        return [
          team.slug,
          { members: team.memberLogins, ...(repos.length ? { repos } : {}), ...(AGREEMENTS[team.slug] ? { agreements: AGREEMENTS[team.slug] } : {}) },
        ];
      }),
  );
}
