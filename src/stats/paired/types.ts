/** Shared option and result shapes of the paired tests. */
import type { Alternative } from '../types.js';

export type { Alternative };

export const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];
