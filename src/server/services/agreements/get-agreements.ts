/** The overview's "Working agreements" panel: every configured team's agreements over the period. */
import type { Config } from '@/config/env';
import { githubWebUrl } from '@/config/github-web-url';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import type { AgreementsQuery, TeamAgreements } from './agreements.types';
import { listAgreements } from './list-agreements';

export async function getAgreements(db: Db, input: AgreementsQuery, settings: MetricSettings, config: Config, now: Date): Promise<{ teams: TeamAgreements[] }> {
  return { teams: await listAgreements(db, input, settings, config.teamSettings, now, githubWebUrl(config.github.apiUrl)) };
}
