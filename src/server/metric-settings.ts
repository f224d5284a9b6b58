/**
 * The configured parts of the metric definitions: the week's time zone, extra bot logins and the
 * patterns that pick production deployments, deploy workflows, incidents and hotfixes.
 */
import type { Config } from '@/config/env';

export interface MetricSettings {
  timeZone: string;
  botLogins: string[];
  productionEnvironment: RegExp;
  deployWorkflow: RegExp;
  incidentLabel: RegExp;
  hotfixPattern: RegExp;
  /** Team slug → member logins (the team filter narrows PR numbers to its members). */
  teams: Record<string, string[]>;
}

export function metricSettings(config: Config): MetricSettings {
  return {
    timeZone: config.timeZone,
    botLogins: config.bots,
    productionEnvironment: config.productionEnvironment,
    deployWorkflow: config.deployWorkflow,
    incidentLabel: config.incidentLabel,
    hotfixPattern: config.hotfixPattern,
    teams: config.teams,
  };
}
