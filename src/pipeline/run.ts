import type { EconomicsResult } from '../economics/index.js';
import { preloadCharts, writeReport } from '../report/index.js';
import type { LoadedSpec } from '../spec/load.js';
import type { InputRole } from '../types.js';
import type { ProgressionResult } from '../progression/types.js';
import { evaluate, type EvaluationRun } from './evaluate.js';
import { progressionFor } from './progression.js';
import { splitCohorts } from './cohorts.js';
import { checkVerdict } from '../check/verdict.js';
import type { HashingWorker } from './hashing.js';

export interface PipelineOptions {
  readonly outDir: string;
  readonly lang: 'da' | 'en';
  readonly unsuppressed: boolean;
  readonly pdf: boolean;
  readonly seed?: number;
  readonly onProgress?: ((role: InputRole, done: number, total: number) => void) | undefined;
  readonly warn?: (line: string) => void;
  /** Called as each stage ends, with its name (`effekt run --timings`). */
  readonly onStage?: (stage: string) => void;
  /** Threads that read large panels (IngestOptions.threads). */
  readonly threads?: number;
  /** Hashing the launcher started (EvaluateOptions.hashAhead). */
  readonly hashAhead?: HashingWorker;
}

export const DEFAULT_SEED = 20260101;

export interface PipelineResult {
  readonly run: EvaluationRun;
  readonly economics: EconomicsResult | undefined;
  readonly progression: ProgressionResult | undefined;
  readonly files: readonly string[];
}

/** ingest → outcomes → stats → economics → report, for one spec. */
export async function runPipeline(loaded: LoadedSpec, options: PipelineOptions): Promise<PipelineResult> {
  const stage = options.onStage ?? ((): void => undefined);
  const run = await evaluate(loaded, { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.threads !== undefined ? { threads: options.threads } : {}), ...(options.hashAhead ? { hashAhead: options.hashAhead } : {}), onStage: stage, whenIdle: preloadCharts });
  // The economic model is loaded only for a spec that has one (its modules take ~5 ms to load).
  const economics = loaded.spec.economics ? (await import('./economicsRun.js')).economicsFor(loaded, run, options.seed ?? DEFAULT_SEED) : undefined;
  if (economics) stage('economics');
  const progression = await progressionFor(loaded, run, options.onProgress);
  if (progression) stage('progression');
  const targets = loaded.spec.targets.length > 0 ? checkVerdict(loaded, splitCohorts(loaded.spec, run, false), { lang: options.lang }) : undefined;
  if (targets) stage('targets');
  const { files } = await writeReport(
    { evaluation: run.evaluation, ...(economics ? { economics } : {}), ...(progression ? { progression } : {}), ...(targets ? { targets } : {}) },
    options.outDir,
    {
      lang: options.lang,
      suppressionThreshold: loaded.spec.report.suppression_threshold,
      unsuppressed: options.unsuppressed,
      pdf: options.pdf,
    },
    { warn: options.warn ?? (() => undefined) },
  );
  stage('report');
  return { run, economics, progression, files };
}
