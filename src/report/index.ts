/**
 * The report stage: the publishable effect note from an Evaluation (and economics and
 * progression results when present). Suppresses small cells (unless told not to), renders
 * the charts, builds the note once and writes it as Markdown, self-contained HTML and
 * optionally PDF, beside effect.json, economics.json and the charts' specs and SVGs; what
 * an earlier run left there and this one did not write is removed. Deterministic: the
 * same input gives the same bytes (no clock unless `timestamp` is given).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { EconomicsResult } from '../economics/run.js';
import type { Evaluation } from '../pipeline/types.js';
import type { ProgressionResult } from '../progression/types.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { VERSION } from '../version.js';
import { effectsChart, statusChart, subgroupsChart, type ChartContext } from './charts/effectCharts.js';
import { renderHtml, renderMarkdown } from './doc.js';
import { formatter } from './format.js';
import { stableJson } from './json.js';
import { messages, type Lang } from './messages/index.js';
import { buildNote } from './note.js';
import type { PublishedEvaluation, SuppressionSummary } from './published.js';
import type { ReportSection } from './sections.js';
import { noteCss } from './style.js';
import { suppressEvaluation, unsuppressed } from './suppression/index.js';
import { economicsSection, publishEconomics } from './economics.js';
import { progressionSection, publishProgression } from './progression.js';
import { publishTargets, targetsSection, type PublishedTargets } from './targets.js';
import type { CheckResult } from '../check/verdict.js';

export interface ReportInput {
  readonly evaluation: Evaluation;
  readonly economics?: EconomicsResult;
  readonly progression?: ProgressionResult;
  /** The spec's result targets evaluated on the cohort (effekt check's verdict). */
  readonly targets?: CheckResult;
}

export interface ReportOptions {
  readonly lang: Lang;
  /** Counts below this are suppressed (default 5); 0 disables. */
  readonly suppressionThreshold: number;
  /** Internal outputs without suppression, marked "not for publication" everywhere. */
  readonly unsuppressed: boolean;
  readonly pdf: boolean;
  /** Printed in the note and effect.json only when given. */
  readonly timestamp?: string;
}

export interface ReportIO {
  warn(line: string): void;
}

export interface PublishedReport {
  readonly evaluation: PublishedEvaluation;
  readonly suppression: SuppressionSummary;
  readonly economics?: ReturnType<typeof publishEconomics>;
  readonly progression?: ReturnType<typeof publishProgression>;
  readonly targets?: PublishedTargets;
}

/** The published content (suppressed unless `unsuppressed`), without writing anything. */
export function publish(input: ReportInput, options: Pick<ReportOptions, 'suppressionThreshold' | 'unsuppressed'>): PublishedReport {
  const threshold = options.suppressionThreshold;
  const s = options.unsuppressed ? unsuppressed(input.evaluation, threshold) : suppressEvaluation(input.evaluation, threshold);
  const t = options.unsuppressed ? 0 : threshold;
  return {
    evaluation: s.published,
    suppression: s.suppression,
    ...(input.economics ? { economics: publishEconomics(input.economics, t, s.published) } : {}),
    ...(input.progression ? { progression: publishProgression(input.progression, t) } : {}),
    ...(input.targets ? { targets: publishTargets(input.targets, publishedShares(s.published), options.unsuppressed) } : {}),
  };
}

/** effect.json's record: notice (internal only), tool, timestamp (if asked), suppression, the published results. */
export function effectJson(pub: PublishedReport, options: Pick<ReportOptions, 'lang' | 'unsuppressed' | 'timestamp'>): Record<string, unknown> {
  const m = messages(options.lang);
  return {
    ...(options.unsuppressed ? { notice: m.internal.json, not_for_publication: true } : {}),
    schema: 'effekt/effect-note@1',
    tool: { name: 'effekt', version: VERSION },
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    suppression: pub.suppression,
    // The evaluation's fields sit at the top level (outcomes.<id>, status_distribution,
    // reconciliation, ...): the documented contract that checks and economics read.
    ...pub.evaluation,
    ...(pub.economics ? { economics: pub.economics } : {}),
    ...(pub.progression ? { progression: pub.progression } : {}),
    // Descriptions are in the note's language; effect.json stays language-independent.
    ...(pub.targets ? { targets: { ...pub.targets, targets: pub.targets.targets.map(({ description: _d, ...rest }) => rest) } } : {}),
  };
}

/**
 * The chart renderer (Vega and Vega-Lite), loaded on first use rather than with the CLI:
 * setting up their modules (colour schemes, scales, transforms) costs ~10 ms, which `effekt
 * run` then spends while a reading thread finishes the panels (see `preloadCharts`), not
 * before it has read a byte.
 */
export function loadCharts(): Promise<typeof import('./charts/render.js')> {
  return import('./charts/render.js');
}

/** Starts loading the chart renderer; for a moment the caller would otherwise spend waiting. */
export function preloadCharts(): void {
  void loadCharts().catch(() => undefined);
}

export async function writeReport(input: ReportInput, outDir: string, options: ReportOptions, io?: ReportIO): Promise<{ files: string[] }> {
  const warn = (line: string) => io?.warn(line);
  const m = messages(options.lang);
  const f = formatter(options.lang);
  const internal = options.unsuppressed;
  const pub = publish(input, options);
  if (pub.suppression.unprotected.length) warn(`report: ${pub.suppression.unprotected.length} suppressed counts could not be fully protected: ${pub.suppression.unprotected.join(', ')}`);

  const ctx: ChartContext = { pub: pub.evaluation, m, f, internal };
  const sectionCtx = { m, f, internal, threshold: pub.suppression.threshold, evaluation: pub.evaluation };
  const extra: ReportSection[] = [];
  if (pub.targets) extra.push(targetsSection(pub.targets, sectionCtx));
  if (pub.economics) extra.push(economicsSection(pub.economics, sectionCtx));
  if (pub.progression) extra.push(progressionSection(pub.progression, sectionCtx));

  const specs: { name: string; spec: TopLevelSpec }[] = [
    { name: 'status', spec: statusChart(ctx) },
    { name: 'effects', spec: effectsChart(ctx) },
  ];
  const sub = subgroupsChart(ctx, (v) => m.covariate[v] ?? v, (l) => m.level[l] ?? l);
  if (sub) specs.push({ name: 'subgroups', spec: sub });
  for (const s of extra) specs.push(...s.charts);

  const files: string[] = [];
  const write = (rel: string, data: string | Uint8Array) => {
    writeFileAtomic(join(outDir, rel), data);
    files.push(rel);
  };
  const inline = new Map<string, string>();
  const { inlineSvg, renderChart } = await loadCharts();
  for (const { name, spec } of specs) {
    const chart = await renderChart(name, spec);
    for (const w of chart.warnings) warn(`report: chart ${name}: ${w}`);
    write(`charts/${name}.vl.json`, stableJson(spec));
    write(`charts/${name}.svg`, `${chart.svg}\n`);
    inline.set(name, inlineSvg(name, chart.svg));
  }

  const blocks = buildNote({
    pub: pub.evaluation,
    suppression: pub.suppression,
    m,
    f,
    charts: inline,
    internal,
    extra,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  const title = m.noteTitle(pub.evaluation.title[options.lang]);
  const md = renderMarkdown(blocks);
  const html = renderHtml(blocks, { lang: options.lang, title, css: noteCss(m, { internal, footer: internal ? m.internal.short : pub.evaluation.title[options.lang] }) });
  write('effect.json', stableJson(effectJson(pub, options)));
  if (pub.economics) write('economics.json', stableJson(internal ? { notice: m.internal.json, not_for_publication: true, ...pub.economics } : pub.economics));
  write('effect-note.md', md);
  write('effect-note.html', html);
  if (options.pdf) {
    // Loaded only when asked for (it drives a browser).
    const { printPdf } = await import('./pdf.js');
    write('effect-note.pdf', await printPdf(html, join(outDir, 'effect-note.pdf'), options.timestamp ? { timestamp: options.timestamp } : {}));
  }
  removeStale(outDir, files);
  return { files };
}

/** Every file writeReport can write, relative to its folder. */
const REPORT_FILES = [
  'effect.json',
  'economics.json',
  'effect-note.md',
  'effect-note.html',
  'effect-note.pdf',
  ...['status', 'effects', 'subgroups', 'cash_flow', 'tornado', 'surplus', 'progression', 'progression_bip'].flatMap((c) => [`charts/${c}.svg`, `charts/${c}.vl.json`]),
];

/**
 * Removes what an earlier run left in the folder and this one did not write (another spec's
 * economics.json, a chart no longer drawn), so the folder never pairs this run's effect.json
 * with another's figures. Only names writeReport writes are touched.
 */
function removeStale(outDir: string, written: readonly string[]): void {
  const keep = new Set(written);
  for (const rel of REPORT_FILES) if (!keep.has(rel)) rmSync(join(outDir, rel), { force: true });
}

/** Participant shares that the note publishes anyway: the outcomes' and the status table's. */
function publishedShares(ev: PublishedEvaluation): number[] {
  const shares: unknown[] = [...Object.values(ev.outcomes).map((o) => o.participants.share), ...ev.status_distribution.map((r) => r.participants_share)];
  return shares.filter((x): x is number => typeof x === 'number');
}
