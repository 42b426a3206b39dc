import type { Alternative, Interval } from './types.js';
import { wilson } from './wilson.js';
import { newcombe } from './newcombe.js';
import { miettinenNurminen } from './miettinenNurminen.js';
import { agrestiCaffo } from './agrestiCaffo.js';
import { waldDifference } from './waldDifference.js';
import { zTest } from './zTest.js';
import { fisherExact } from './fisher.js';
import { boschloo } from './boschloo.js';
import { relativeRisk } from './relativeRisk.js';
import { oddsRatio } from './oddsRatio.js';
import { checkConfidence, checkCounts } from './validate.js';

export interface CompareOptions {
  readonly confidence?: number;
  readonly alternative?: Alternative;
  /** Run Boschloo's test (default true; the slowest part at large n). */
  readonly boschloo?: boolean;
  /** Boschloo's test is skipped (with a note) above this many people in total. Default 100,000. */
  readonly boschlooMaxN?: number;
}

export interface GroupSummary {
  readonly events: number;
  readonly n: number;
  readonly share: number;
  readonly ci: Interval;
}

/**
 * The record behind `effekt compare --json`. Never NaN; the only non-finite values are
 * Fisher's conditional odds ratio and its upper bound, which are +Infinity when the
 * participants sit at the top of their possible range (JSON writes them as null, and a
 * note says so).
 */
export interface Comparison {
  readonly confidence: number;
  readonly alternative: Alternative;
  readonly participants: GroupSummary;
  readonly controls: GroupSummary;
  readonly difference: {
    readonly estimate: number;
    readonly ci: { readonly newcombe: Interval; readonly miettinen_nurminen: Interval; readonly agresti_caffo: Interval; readonly wald: Interval };
  };
  readonly tests: {
    readonly z: { readonly statistic: number; readonly p: number };
    readonly z_corrected: { readonly statistic: number; readonly p: number };
    readonly fisher: { readonly p: number; readonly p_mid: number; readonly odds_ratio: number; readonly ci: Interval };
    /** Absent when skipped (option boschloo: false, or more than boschlooMaxN people; a note says which). */
    readonly boschloo?: { readonly p: number };
  };
  readonly relative_risk: { readonly estimate: number; readonly ci: Interval; readonly method: string };
  readonly odds_ratio: { readonly estimate: number; readonly ci: Interval; readonly method: string };
  /** Explanations for degenerate input, corrections applied and values written as null. */
  readonly notes: readonly string[];
}

/**
 * Everything an evaluator wants for two shares: Wilson shares, the difference with four
 * intervals, the z-tests (plain and Yates), Fisher (R's rule, mid-p, conditional MLE and
 * exact interval), Boschloo, relative risk (Katz) and odds ratio (Woolf). All intervals are
 * two-sided at `confidence`; `alternative` applies to the tests' p-values only.
 */
export function compareProportions(x1: number, n1: number, x2: number, n2: number, options: CompareOptions = {}): Comparison {
  const { confidence = 0.95, alternative = 'two-sided', boschloo: withBoschloo = true, boschlooMaxN = 100_000 } = options;
  checkCounts(x1, n1, 'participants');
  checkCounts(x2, n2, 'controls');
  checkConfidence(confidence);
  const notes: string[] = [];
  const s1 = wilson(x1, n1, confidence);
  const s2 = wilson(x2, n2, confidence);
  const nc = newcombe(x1, n1, x2, n2, confidence);
  const mn = miettinenNurminen(x1, n1, x2, n2, confidence);
  const ac = agrestiCaffo(x1, n1, x2, n2, confidence);
  const wd = waldDifference(x1, n1, x2, n2, confidence);
  const z = zTest(x1, n1, x2, n2, { alternative });
  const zc = zTest(x1, n1, x2, n2, { alternative, correct: true });
  const fisherP = fisherExact(x1, n1, x2, n2, { alternative, confidence });
  const fisherCi = alternative === 'two-sided' ? fisherP : fisherExact(x1, n1, x2, n2, { confidence });
  let boschlooP: number | undefined;
  if (!withBoschloo) notes.push('boschloo: not requested');
  else if (n1 + n2 <= boschlooMaxN) boschlooP = boschloo(x1, n1, x2, n2, { alternative }).p;
  else notes.push(`boschloo: not computed above ${boschlooMaxN} people in total (Fisher's test is practically as powerful at this size)`);
  const rr = relativeRisk(x1, n1, x2, n2, confidence);
  const or = oddsRatio(x1, n1, x2, n2, confidence);
  for (const r of [wd, rr, or]) if (r.note) notes.push(`${r.method}: ${r.note}`);
  if (z.note) notes.push(`z tests: ${z.note}`);
  const events = x1 + x2;
  if (events === 0 || events === n1 + n2) notes.push(`fisher: every outcome is ${events === 0 ? '0' : '1'} in both groups, so the odds ratio is not identified; as in R the conditional MLE is reported as 0 with interval [0, +∞]`);
  else if (!Number.isFinite(fisherCi.odds_ratio)) notes.push('fisher: the conditional MLE of the odds ratio is +∞ (JSON: null): participant events are at the top of their possible range');
  if (!Number.isFinite(fisherCi.ci[1])) notes.push('fisher: the upper bound of the exact odds-ratio interval is +∞ (JSON: null)');
  const group = (events: number, n: number, s: typeof s1): GroupSummary => ({ events, n, share: s.estimate, ci: s.ci });
  return Object.freeze({
    confidence,
    alternative,
    participants: group(x1, n1, s1),
    controls: group(x2, n2, s2),
    difference: { estimate: nc.estimate, ci: { newcombe: nc.ci, miettinen_nurminen: mn.ci, agresti_caffo: ac.ci, wald: wd.ci } },
    tests: {
      z: { statistic: z.statistic, p: z.p },
      z_corrected: { statistic: zc.statistic, p: zc.p },
      fisher: { p: fisherP.p, p_mid: fisherP.p_mid, odds_ratio: fisherCi.odds_ratio, ci: fisherCi.ci },
      ...(boschlooP === undefined ? {} : { boschloo: { p: boschlooP } }),
    },
    relative_risk: { estimate: rr.estimate, ci: rr.ci, method: rr.method },
    odds_ratio: { estimate: or.estimate, ci: or.ci, method: or.method },
    notes,
  });
}
