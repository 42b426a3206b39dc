import { itemScale, type BipConfig, type BipIndicator } from './config.js';
import { changeShares } from './change-shares.js';
import { orient } from './orient.js';
import { pairedSummary } from './paired-summary.js';
import { collectPairs, type CompletePair } from './pairs.js';
import type {
  BandCounts,
  BipItemProgression,
  IndicatorProgression,
  ItemProgression,
  ProgressionChartData,
  ProgressionResult,
  QuestionnaireRow,
  Who5Group,
} from './types.js';
import { WHO5_ITEMS, WHO5_POPULATION_MEAN, who5Band, who5Score } from './who5.js';

export interface ProgressionOptions {
  /** Confidence level of the t intervals (the spec's `confidence`); default 0.95. */
  readonly confidence?: number;
  /** Name of the BIP configuration for the record; default the config's `name`. */
  readonly configName?: string;
}

/**
 * The progression analysis of the catalogue (domain.md §6): on complete start/end pairs
 * only, WHO-5 (score, bands, mean start vs end with paired t and Wilcoxon signed-rank
 * tests, overall and by municipality), and for every WHO-5 item, BIP item and BIP
 * indicator the shares with positive, unchanged and negative change; plus attrition
 * and the chart arrays. Progression is never used for payment (docs/progression.md).
 */
export function analyseProgression(
  rows: readonly QuestionnaireRow[],
  participants: readonly { readonly id: string; readonly municipality: string }[],
  config: BipConfig,
  options: ProgressionOptions = {},
): ProgressionResult {
  const confidence = options.confidence ?? 0.95;
  const { pairs, attrition } = collectPairs(rows, participants, config);
  const subgroups = [...new Set(pairs.map((p) => p.subgroup))].sort((a, b) => a.localeCompare(b, 'da'));
  const inGroup = (g: string): CompletePair[] => pairs.filter((p) => p.subgroup === g);

  const who5Overall = who5Group(pairs, confidence);
  const who5BySubgroup = subgroups.map((g) => ({ subgroup: g, ...who5Group(inGroup(g), confidence) }));
  const who5Items: ItemProgression[] = WHO5_ITEMS.map((item, k) =>
    itemProgression(pairs, subgroups, item.column, item.label, (a) => a.who5[k] ?? null, (v) => v),
  );
  const bipItems: BipItemProgression[] = config.items.map((item) => {
    const scale = itemScale(config, item);
    return {
      ...itemProgression(pairs, subgroups, item.column, item.label, (a) => a.bip[item.column] ?? null, (v) => orient(v, item.direction, scale)),
      indicator: item.indicator,
      direction: item.direction,
    };
  });
  const indicators = config.indicators.map((ind) => indicatorProgression(ind, config, pairs, subgroups, confidence));

  return {
    instrument: { who5: 'WHO-5 Well-Being Index', bip: config.name },
    restricted_to_complete_pairs: true,
    n_pairs: pairs.length,
    subgroup_variable: 'municipality',
    attrition,
    who5: { ...who5Overall, population_mean: WHO5_POPULATION_MEAN, items: who5Items, by_subgroup: who5BySubgroup },
    bip: { config: options.configName ?? config.name, indicators, items: bipItems },
    chart: chartData(who5Overall, who5BySubgroup, indicators),
    used_for_payment: false,
    not_for_payment_reason: 'ambiguous_progress_or_clarification',
    confidence,
  };
}

function who5Group(pairs: readonly CompletePair[], confidence: number): Who5Group {
  const start: number[] = [];
  const end: number[] = [];
  for (const p of pairs) {
    const s = who5Score(p.start.who5);
    const e = who5Score(p.end.who5);
    if (s !== null && e !== null) {
      start.push(s);
      end.push(e);
    }
  }
  return { ...pairedSummary(start, end, confidence), bands: { start: bandCounts(start), end: bandCounts(end) } };
}

function bandCounts(scores: readonly number[]): BandCounts {
  const counts = { high_risk: 0, risk: 0, no_immediate_risk: 0 };
  for (const s of scores) counts[who5Band(s)]++;
  return counts;
}

/** Means on the item's own scale; change direction after orienting (positive = progress). */
function itemProgression(
  pairs: readonly CompletePair[],
  subgroups: readonly string[],
  column: string,
  label: ItemProgression['label'],
  value: (a: CompletePair['start']) => number | null,
  oriented: (v: number) => number,
): ItemProgression {
  const usable = (ps: readonly CompletePair[]) => ps.filter((p) => value(p.start) !== null && value(p.end) !== null);
  const diffs = (ps: readonly CompletePair[]) => usable(ps).map((p) => oriented(value(p.end)!) - oriented(value(p.start)!));
  const all = usable(pairs);
  const mean = (vs: number[]) => (vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0) / vs.length);
  return {
    column,
    label,
    n: all.length,
    start_mean: mean(all.map((p) => value(p.start)!)),
    end_mean: mean(all.map((p) => value(p.end)!)),
    change: changeShares(diffs(pairs)),
    by_subgroup: subgroups.map((g) => ({ subgroup: g, change: changeShares(diffs(pairs.filter((p) => p.subgroup === g))) })),
  };
}

/**
 * Indicator score = mean of the indicator's oriented items, defined only when every item
 * is answered at that wave; the change classes compare the oriented sums, which are
 * integers, so "unchanged" is exact.
 */
function indicatorProgression(
  ind: BipIndicator,
  config: BipConfig,
  pairs: readonly CompletePair[],
  subgroups: readonly string[],
  confidence: number,
): IndicatorProgression {
  const items = config.items.filter((i) => i.indicator === ind.id);
  const score = (a: CompletePair['start']): number | null => {
    let sum = 0;
    for (const item of items) {
      const v = a.bip[item.column];
      if (v === null || v === undefined) return null;
      sum += orient(v, item.direction, itemScale(config, item));
    }
    return sum;
  };
  const summary = (ps: readonly CompletePair[]) => {
    const usable = ps.filter((p) => score(p.start) !== null && score(p.end) !== null);
    const start = usable.map((p) => score(p.start)! / items.length);
    const end = usable.map((p) => score(p.end)! / items.length);
    const s = pairedSummary(start, end, confidence);
    // Classify on the integer sums so floating-point division cannot blur "unchanged".
    return { ...s, change: changeShares(usable.map((p) => score(p.end)! - score(p.start)!)) };
  };
  return {
    id: ind.id,
    label: ind.label,
    job_predictive: ind.job_predictive,
    items: items.map((i) => i.column),
    overall: summary(pairs),
    by_subgroup: subgroups.map((g) => ({ subgroup: g, ...summary(pairs.filter((p) => p.subgroup === g)) })),
  };
}

function chartData(
  overall: Who5Group,
  bySubgroup: readonly (Who5Group & { subgroup: string })[],
  indicators: readonly IndicatorProgression[],
): ProgressionChartData {
  return {
    who5_means: {
      groups: ['all', ...bySubgroup.map((g) => g.subgroup)],
      n: [overall.n, ...bySubgroup.map((g) => g.n)],
      start: [overall.start_mean, ...bySubgroup.map((g) => g.start_mean)],
      end: [overall.end_mean, ...bySubgroup.map((g) => g.end_mean)],
      band_limits: [35, 50],
      population_mean: WHO5_POPULATION_MEAN,
    },
    bip_shares: {
      indicators: indicators.map((i) => i.id),
      labels: indicators.map((i) => i.label),
      positive: indicators.map((i) => i.overall.change.positive_share),
      unchanged: indicators.map((i) => i.overall.change.unchanged_share),
      negative: indicators.map((i) => i.overall.change.negative_share),
    },
  };
}
