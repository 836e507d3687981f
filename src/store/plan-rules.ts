/** The plan versions' rules live with the plan versions (domain/plan-versions.ts); every store applies them. */
export { checkPlanVersionInput, planVersionChange } from '../domain/plan-versions';
