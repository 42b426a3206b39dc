/**
 * Optional note sections (economics, progression), built by their own modules from their
 * result records and spliced into the note after the results.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Block } from './doc.js';

export interface SectionProvenance {
  readonly role: string;
  readonly path: string;
  readonly bytes: number | null;
  readonly sha256: string;
}

export interface ReportSection {
  readonly id: 'targets' | 'economics' | 'progression';
  readonly title: string;
  /** Paragraphs for the summary (plain language). */
  readonly summary: readonly string[];
  /** The section's body; figure blocks name a chart of `charts` (their svg is filled in by the note). */
  readonly blocks: readonly Block[];
  readonly limitations: readonly string[];
  readonly provenance: readonly SectionProvenance[];
  readonly charts: readonly { readonly name: string; readonly spec: TopLevelSpec }[];
}
