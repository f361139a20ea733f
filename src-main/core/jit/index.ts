/** The JIT provisioning simulation: schemas, single-login simulation, whole-user-base prediction. */
export * from './snapshot-schema.js';
export * from './target-profile-schema.js';
export { formatZodIssues, formatIssuePath, type ParseOutcome } from './schema-issues.js';
export type * from './simulation-types.js';
export { simulateLogin, runEngine, snapshotIndexFor, type SimulateOptions } from './simulate-login.js';
export { simulateUserBase, type UserBaseResult, type UserBaseRow, type UserBaseSummary } from './simulate-user-base.js';
export { renderSimulationText } from './render-simulation-text.js';
export { parseAwsUsers, parseAwsMappings, type AwsIdentityStoreUser, type AwsMappings } from './aws-users.js';
export { parseMappingExpression, evaluateMappingExpression } from './mapping-expression.js';
export { indexSnapshot, type SnapshotIndex } from './snapshot-index.js';
