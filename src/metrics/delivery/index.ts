/** Deployments and DORA's four keys (docs/metrics.md#delivery-dora): pure functions, records in, numbers with members out. */
export * from './bands';
export * from './change-failure';
export * from './deployment';
export * from './deployment-frequency';
export * from './detect-deployments';
export * from './dora';
export * from './hotfix';
export * from './incidents';
export * from './lead-time';
export * from './map-pull-requests';
export * from './recovery';
export * from './reverts';
export * from './rework';
export * from './settings';
export type { IgnoredRecords } from './sources/source-result';
