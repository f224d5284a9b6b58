/**
 * The synthetic org together with the true values of what it contains, recorded from the
 * generator's simulation, never from Leadline's metric code: who reviewed first and when (the
 * stories of pr-story.ts), which production deployment first shipped which merge (the commit each
 * deployment, Deploy run or release was cut from), which deployments failed and why (own outcome,
 * the incidents the scenarios opened, the reverts and hotfixes they wrote), how each workflow run's
 * attempts went, and the coverage each default-branch commit reported. Tests compare Leadline's
 * metric services, run over the synced org, with this truth.
 *
 * `org` is exactly generateOrg(options): the truth is gathered through a listener the generator
 * calls once per repository (generator/truth-record.ts), which generateOrg alone never installs.
 * The definitions applied are those of docs/metrics.md; generator/truth-types.ts documents each field.
 */
import { type GenerateOrgOptions, generateOrg } from './generate-org';
import type { FakeOrg } from './model';
import { withTruthListener } from './generator/truth-record';
import { repositoryTruth } from './generator/truth-repo';
import type { OrgTruth } from './generator/truth-types';

export type {
  ChangeFailureReason,
  CoverageTruth,
  DeliverySource,
  DeploymentTruth,
  IncidentTruth,
  OrgTruth,
  PullRequestTruth,
  ReviewRequestTruth,
  RunOutcomeClass,
  WorkflowRunTruth,
} from './generator/truth-types';

export function generateOrgWithTruth(options: GenerateOrgOptions): { org: FakeOrg; truth: OrgTruth } {
  const truth: OrgTruth = { pullRequests: [], deployments: [], incidents: [], workflowRuns: [], coverage: [] };
  const org = withTruthListener(
    (facts) => {
      const repo = repositoryTruth(facts);
      truth.pullRequests.push(...repo.pullRequests);
      truth.deployments.push(...repo.deployments);
      truth.incidents.push(...repo.incidents);
      truth.workflowRuns.push(...repo.workflowRuns);
      truth.coverage.push(...repo.coverage);
    },
    () => generateOrg(options),
  );
  return { org, truth };
}
