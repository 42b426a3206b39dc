/**
 * Progression analysis (issue 8): WHO-5 and BIP questionnaires at start and end of
 * participation. See docs/progression.md.
 */
export { analyseProgression } from './analyse.js';
export type { ProgressionOptions } from './analyse.js';
export { readQuestionnaire } from './read-questionnaire.js';
export type { QuestionnaireFileOptions } from './read-questionnaire.js';
export { parseQuestionnaire } from './parse-questionnaire.js';
export { QUESTIONNAIRE_COLUMNS } from './rows-from-fields.js';
export type { QuestionnaireReadOptions } from './rows-from-fields.js';
export { bipConfigSchema, loadBipConfig, parseBipConfig } from './config.js';
export type { BipConfig, BipIndicator, BipItem, LikertScale } from './config.js';
export { WHO5_BAND_LABELS, WHO5_BANDS, WHO5_ITEMS, WHO5_POPULATION_MEAN, who5Band, who5Score } from './who5.js';
export { ANALYSIS_NOTE, NONRESPONSE_REASONS, PAYMENT_NOTE } from './texts.js';
export type * from './types.js';
