import type { ProgressionResult } from '../progression/types.js';
import type { ReportSection } from './sections.js';
import type { SectionContext } from './sectionContext.js';

export function publishProgression(p: ProgressionResult, threshold: number): ProgressionResult {
  void threshold;
  return p;
}

export function progressionSection(p: ProgressionResult, ctx: SectionContext): ReportSection {
  return { id: 'progression', title: ctx.m.h.progression, summary: [], blocks: [], limitations: [], provenance: [], charts: [] };
}
