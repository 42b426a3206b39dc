/**
 * Shared option and result shapes of the paired tests. `alternative` uses R's
 * spelling so results can be compared with R output one to one.
 */
export type Alternative = 'two-sided' | 'less' | 'greater';

export const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];
