import type { EconomicsResult } from '../economics/run.js';
import type { ReportSection } from './sections.js';
import type { SectionContext } from './sectionContext.js';

export function publishEconomics(e: EconomicsResult, threshold: number): EconomicsResult {
  void threshold;
  return e;
}

export function economicsSection(e: EconomicsResult, ctx: SectionContext): ReportSection {
  return { id: 'economics', title: ctx.m.h.economics, summary: [], blocks: [], limitations: [], provenance: [], charts: [] };
}
