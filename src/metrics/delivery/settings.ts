/**
 * The configured patterns of the delivery definitions (docs/metrics.md#what-counts-as-a-deployment). They come
 * from the configuration (`LEADLINE_PRODUCTION_ENVIRONMENT`, `LEADLINE_DEPLOY_WORKFLOW`,
 * `LEADLINE_INCIDENT_LABEL`, `LEADLINE_HOTFIX_PATTERN`), each compiled case-insensitive.
 */

/** The four configured patterns of the delivery definitions. */
export interface DeliverySettings {
  /** A GitHub Deployment is a production deployment when its environment matches (default `^prod(uction)?$`). */
  productionEnvironment: RegExp;
  /** A default-branch workflow run is a deployment when its workflow name matches (default `deploy|release`). */
  deployWorkflow: RegExp;
  /** An issue is an incident when one of its labels matches (default `incident`). */
  incidentLabel: RegExp;
  /** A PR is a hotfix when one of its labels or its head branch matches (default `hotfix`). */
  hotfixPattern: RegExp;
}

/** The defaults of docs/metrics.md#what-counts-as-a-deployment, case-insensitive like the configuration's. */
export const DEFAULT_DELIVERY_SETTINGS: Readonly<DeliverySettings> = {
  productionEnvironment: /^prod(uction)?$/i,
  deployWorkflow: /deploy|release/i,
  incidentLabel: /incident/i,
  hotfixPattern: /hotfix/i,
};

/**
 * Whether `pattern` matches `text`. `String.prototype.search` ignores (and restores) `lastIndex`,
 * so a pattern configured with the `g` flag gives the same answer every time.
 */
export function matches(pattern: RegExp, text: string | null | undefined): boolean {
  return typeof text === 'string' && text.search(pattern) !== -1;
}
