/** `effekt plan`: minimum detectable effect and required cohort size for a planned deal (issue 7). */
export { planCohort, checkPlanInput, requiredParticipants, controlsFor, type PlanInput, type PlanResult } from './plan.js';
export { planText } from './text.js';
