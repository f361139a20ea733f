/** The whole user base: AWS exports in, per-user prediction, missing group claims, local group plan and accounts JIT leaves behind out. */
export * from '../model/userbase.js';
export { recogniseAwsExport, AWS_EXPORT_KINDS, AWS_EXPORT_LABEL, type AwsExport, type AwsExportKind, type AwsGroup, type AwsMembership, type AwsAssignment, type GroupMapping } from './aws-exports.js';
export { predictUserBase, type UserBaseInputs, type PredictHooks, type PredictionPhase } from './predict.js';
export { explainUserLogin, type UserExplanation } from './explain-user.js';
export { renderGroupPlanCsv } from './group-plan.js';
export { renderPredictionCsv, renderPredictionJson, renderPredictionText } from './render.js';
