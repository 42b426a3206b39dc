/**
 * The progression section (WHO-5 well-being and BIP job readiness, start against end) and
 * its small-cell suppression. Every count table of the progression record (persons with
 * positive / unchanged / negative change, WHO-5 risk bands, attrition) is a small cross
 * table — overall row plus one row per municipality — so it goes through the same engine as
 * the evaluation: each row sums to its size, each column over the municipalities to the
 * overall count. A municipality's size is one cell wherever it appears, so it cannot be
 * hidden in one table and shown in another. Means and tests of a municipality whose size is
 * hidden are hidden with it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChangeShares, ProgressionResult } from '../progression/types.js';
import { NONRESPONSE_REASONS, PAYMENT_NOTE } from '../progression/texts.js';
import { WHO5_BAND_LABELS } from '../progression/who5.js';
import { asSpec, base, title, type ChartStyle } from './charts/effectCharts.js';
import { CHART_WIDTH, COLORS } from './charts/theme.js';
import type { Block } from './doc.js';
import { joinList } from './note.js';
import { mark } from './suppression/index.js';
import { protect, type CellSpec, type SumConstraint } from './suppression/engine.js';
import type { ReportSection } from './sections.js';
import type { SectionContext } from './sectionContext.js';

/** A record whose numbers may be published as a suppression mark ("<5", "..") or null. */
export type Masked<T> = T extends number
  ? number | string | null
  : T extends readonly (infer U)[]
    ? readonly Masked<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Masked<T[K]> }
      : T;

export type PublishedProgression = Masked<ProgressionResult>;

type Json = Record<string, unknown>;
const COLS = ['positive', 'unchanged', 'negative'] as const;
const BANDS = ['high_risk', 'risk', 'no_immediate_risk'] as const;
const ATTRITION = ['complete_pairs', 'start_only', 'end_only', 'no_questionnaire'] as const;

class Model {
  readonly cells: CellSpec[] = [];
  readonly constraints: SumConstraint[] = [];
  /** Cell id → the record paths that show it. */
  readonly paths = new Map<string, string[]>();
  /** Paths of means/tests/shares to null when a cell is hidden: cell id → paths. */
  readonly dependents = new Map<string, string[]>();

  cell(id: string, value: number, role: CellSpec['role'], upper: number, path?: string): string {
    if (!this.paths.has(id)) {
      this.cells.push({ id, value, role, upper: Math.max(upper, value) });
      this.paths.set(id, []);
    }
    if (path) this.paths.get(id)?.push(path);
    return id;
  }

  depend(id: string, ...paths: string[]): void {
    const list = this.dependents.get(id) ?? [];
    list.push(...paths);
    this.dependents.set(id, list);
  }
}

/**
 * Group size cell: one per (subgroup, size) so the same size is one cell everywhere; `soft`
 * so that the counts inside the table are hidden before a municipality's size (and with it
 * its means) is.
 */
function sizeCell(model: Model, subgroup: string, n: number, upper: number, path: string): string {
  return model.cell(`n:${subgroup}:${n}`, n, 'soft', upper, path);
}

/**
 * A change table: overall row + rows by subgroup; columns positive/unchanged/negative. The
 * overall row is `soft`: the municipalities' cells are hidden before the headline shares.
 */
function changeTable(model: Model, prefix: string, overall: ChangeShares, rows: readonly { subgroup: string; change: ChangeShares; path: string }[], nPairs: number, extraOverall: string[] = [], extraByRow: (i: number) => string[] = () => []): void {
  const total = model.cell(`${prefix}.change.n`, overall.n, 'fixed', nPairs, `${prefix}.change.n`);
  const colCells: Record<string, string[]> = { positive: [], unchanged: [], negative: [] };
  const overallCols = COLS.map((c) => {
    const id = model.cell(`${prefix}.change.${c}`, overall[c], 'soft', overall.n, `${prefix}.change.${c}`);
    model.depend(id, `${prefix}.change.${c}_share`);
    return id;
  });
  model.constraints.push({ plus: overallCols, minus: [total] });
  for (const id of overallCols) model.depend(id, ...extraOverall);
  rows.forEach((r, i) => {
    const n = sizeCell(model, r.subgroup, r.change.n, overall.n, `${r.path}.change.n`);
    model.paths.get(n)?.push(`${r.path}.n`);
    model.depend(n, ...COLS.map((c) => `${r.path}.change.${c}_share`), ...extraByRow(i));
    const cols = COLS.map((c) => {
      const id = model.cell(`${r.path}.change.${c}`, r.change[c], 'cell', r.change.n, `${r.path}.change.${c}`);
      // Means and tests of the municipality depend on its size, not on how its change splits.
      model.depend(id, `${r.path}.change.${c}_share`);
      colCells[c]?.push(id);
      return id;
    });
    model.constraints.push({ plus: cols, minus: [n] });
  });
  if (rows.length) {
    const covered = rows.reduce((s, r) => s + r.change.n, 0);
    COLS.forEach((c, k) => {
      const rest = overall[c] - rows.reduce((s, r) => s + r.change[c], 0);
      const miss = model.cell(`${prefix}.change.${c}:missing`, rest, overall.n - covered > 0 ? 'hidden' : 'fixed', overall.n - covered);
      model.constraints.push({ plus: [...(colCells[c] ?? []), miss], minus: [overallCols[k] as string] });
    });
  }
}

function buildModel(p: ProgressionResult): Model {
  const model = new Model();
  const nPairs = p.n_pairs;
  model.cell('n_pairs', nPairs, 'fixed', nPairs, 'n_pairs');
  const pairedDeps = (path: string) => ['start_mean', 'end_mean', 'mean_change', 'sd_change', 'tests'].map((k) => `${path}.${k}`);

  // WHO-5: overall and by subgroup, change table and bands.
  changeTable(
    model,
    'who5',
    p.who5.change,
    p.who5.by_subgroup.map((g, i) => ({ subgroup: g.subgroup, change: g.change, path: `who5.by_subgroup.${i}` })),
    nPairs,
    [],
    (i) => pairedDeps(`who5.by_subgroup.${i}`),
  );
  p.who5.by_subgroup.forEach((g, i) => {
    const n = sizeCell(model, g.subgroup, g.n, nPairs, `who5.by_subgroup.${i}.n`);
    model.depend(n, ...pairedDeps(`who5.by_subgroup.${i}`), `who5.by_subgroup.${i}.bands`);
  });
  for (const wave of ['start', 'end'] as const) {
    const overall = BANDS.map((b) => model.cell(`who5.bands.${wave}.${b}`, p.who5.bands[wave][b], 'soft', p.who5.n, `who5.bands.${wave}.${b}`));
    const n = model.cell('who5.n', p.who5.n, 'fixed', nPairs, 'who5.n');
    model.constraints.push({ plus: overall, minus: [n] });
    const cols: Record<string, string[]> = {};
    p.who5.by_subgroup.forEach((g, i) => {
      const gn = sizeCell(model, g.subgroup, g.n, nPairs, `who5.by_subgroup.${i}.n`);
      const row = BANDS.map((b) => {
        const id = model.cell(`who5.by_subgroup.${i}.bands.${wave}.${b}`, g.bands[wave][b], 'cell', g.n, `who5.by_subgroup.${i}.bands.${wave}.${b}`);
        (cols[b] ??= []).push(id);
        return id;
      });
      model.constraints.push({ plus: row, minus: [gn] });
    });
    if (p.who5.by_subgroup.length) {
      const covered = p.who5.by_subgroup.reduce((s, g) => s + g.n, 0);
      BANDS.forEach((b, k) => {
        const rest = p.who5.bands[wave][b] - p.who5.by_subgroup.reduce((s, g) => s + g.bands[wave][b], 0);
        const miss = model.cell(`who5.bands.${wave}.${b}:missing`, rest, p.who5.n - covered > 0 ? 'hidden' : 'fixed', p.who5.n - covered);
        model.constraints.push({ plus: [...(cols[b] ?? []), miss], minus: [overall[k] as string] });
      });
    }
  }
  p.who5.items.forEach((it, j) =>
    changeTable(model, `who5.items.${j}`, it.change, it.by_subgroup.map((g, i) => ({ subgroup: g.subgroup, change: g.change, path: `who5.items.${j}.by_subgroup.${i}` })), nPairs),
  );
  p.bip.items.forEach((it, j) =>
    changeTable(model, `bip.items.${j}`, it.change, it.by_subgroup.map((g, i) => ({ subgroup: g.subgroup, change: g.change, path: `bip.items.${j}.by_subgroup.${i}` })), nPairs),
  );
  p.bip.indicators.forEach((ind, j) =>
    changeTable(
      model,
      `bip.indicators.${j}.overall`,
      ind.overall.change,
      ind.by_subgroup.map((g, i) => ({ subgroup: g.subgroup, change: g.change, path: `bip.indicators.${j}.by_subgroup.${i}` })),
      nPairs,
      [],
      (i) => pairedDeps(`bip.indicators.${j}.by_subgroup.${i}`),
    ),
  );

  // Attrition: the four outcomes of the questionnaire add up to the participants, overall and by subgroup.
  const a = p.attrition;
  const participants = model.cell('attrition.participants', a.participants, 'fixed', a.participants, 'attrition.participants');
  const overall = ATTRITION.map((k) => model.cell(`attrition.${k}`, a[k], k === 'complete_pairs' ? 'fixed' : 'cell', a.participants, `attrition.${k}`));
  model.constraints.push({ plus: overall, minus: [participants] });
  const reasons = Object.entries(a.reasons).map(([r, n]) => model.cell(`attrition.reasons.${r}`, n, 'cell', a.participants, `attrition.reasons.${r}`));
  if (reasons.length) model.constraints.push({ plus: reasons, minus: overall.slice(1) });
  const cols: Record<string, string[]> = {};
  a.by_subgroup.forEach((g, i) => {
    const gp = model.cell(`attrition.by_subgroup.${i}.participants`, g.participants, 'soft', a.participants, `attrition.by_subgroup.${i}.participants`);
    const row = ATTRITION.map((k) => {
      // A municipality's complete pairs are its size in every progression table: one cell.
      const id =
        k === 'complete_pairs'
          ? sizeCell(model, g.subgroup, g[k], a.participants, `attrition.by_subgroup.${i}.${k}`)
          : // The split of a municipality's missing questionnaires (a handful of persons) is not
            // published: only how many answered both, per municipality, as in the catalogue.
            model.cell(`attrition.by_subgroup.${i}.${k}`, g[k], 'hidden', g.participants, `attrition.by_subgroup.${i}.${k}`);
      (cols[k] ??= []).push(id);
      return id;
    });
    model.constraints.push({ plus: row, minus: [gp] });
  });
  if (a.by_subgroup.length) {
    ATTRITION.forEach((k, idx) => model.constraints.push({ plus: cols[k] ?? [], minus: [overall[idx] as string] }));
    model.constraints.push({ plus: a.by_subgroup.map((_, i) => `attrition.by_subgroup.${i}.participants`), minus: [participants] });
  }
  model.cell('attrition.rows_not_in_cohort', a.rows_not_in_cohort, 'cell', Math.max(a.rows_not_in_cohort, 1), 'attrition.rows_not_in_cohort');
  return model;
}

function setPath(obj: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur: unknown = obj;
  for (const k of keys.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return;
    cur = (cur as Json)[k];
  }
  const last = keys[keys.length - 1] as string;
  if (cur !== null && typeof cur === 'object' && last in (cur as Json)) (cur as Json)[last] = value;
}

export function publishProgression(p: ProgressionResult, threshold: number): PublishedProgression {
  if (threshold <= 1) return p as PublishedProgression;
  const model = buildModel(p);
  const result = protect(model.cells, model.constraints, threshold);
  const out = structuredClone(p) as unknown as Json;
  for (const c of model.cells) {
    if (c.role === 'hidden') {
      for (const path of model.paths.get(c.id) ?? []) setPath(out, path, null);
      continue;
    }
    const st = result.status.get(c.id) ?? 'shown';
    if (st === 'shown') continue;
    for (const path of model.paths.get(c.id) ?? []) setPath(out, path, mark(st, threshold));
    for (const path of model.dependents.get(c.id) ?? []) setPath(out, path, null);
  }
  const pub = out as unknown as PublishedProgression;
  // The chart arrays restate the published figures.
  const groups = [pub.who5, ...pub.who5.by_subgroup];
  const chart = {
    who5_means: {
      ...pub.chart.who5_means,
      n: groups.map((g) => g.n),
      start: groups.map((g) => g.start_mean),
      end: groups.map((g) => g.end_mean),
    },
    bip_shares: {
      ...pub.chart.bip_shares,
      positive: pub.bip.indicators.map((i) => i.overall.change.positive_share),
      unchanged: pub.bip.indicators.map((i) => i.overall.change.unchanged_share),
      negative: pub.bip.indicators.map((i) => i.overall.change.negative_share),
    },
  };
  return { ...pub, chart };
}

export function progressionSection(p: PublishedProgression, ctx: SectionContext): ReportSection {
  const { m, f } = ctx;
  const k = m.prog;
  const lang = f.lang;
  const num = (x: number | string | null, d = 0) => (x === null ? '..' : typeof x === 'string' ? x : f.num(x, d));
  const share = (x: number | string | null) => (x === null ? '..' : typeof x === 'string' ? x : f.pctNum(x));
  const pv = (x: number | string | null | undefined) => (x === null || x === undefined ? '–' : typeof x === 'string' ? x : f.p(x));
  const a = p.attrition;

  const summary: string[] = [];
  summary.push(k.summary({ n: num(p.n_pairs), start: num(p.who5.start_mean), end: num(p.who5.end_mean), population: num(p.who5.population_mean) }));
  const predictive = p.bip.indicators.filter((i) => i.job_predictive);
  if (predictive.length) summary.push(k.summaryBip(joinList(predictive.map((i) => (typeof i.overall.change.positive_share === 'number' ? f.pct(i.overall.change.positive_share) : '..')), lang)));
  if (p.used_for_payment === false) summary[summary.length - 1] += ` ${k.summaryNotPaid}`;

  const blocks: Block[] = [];
  blocks.push({ kind: 'paragraph', text: k.intro({ n: num(p.n_pairs), participants: num(a.participants), start: num(a.start_only), end: num(a.end_only), none: num(a.no_questionnaire) }) });
  const reasons = Object.entries(a.reasons).filter(([, n]) => n !== 0);
  if (reasons.length) {
    blocks.push({ kind: 'paragraph', text: k.reasons });
    blocks.push({ kind: 'list', items: reasons.map(([r, n]) => `${NONRESPONSE_REASONS[r]?.[lang] ?? r}: ${num(n)}`) });
  }
  const groups = [{ label: k.all, g: p.who5 }, ...p.who5.by_subgroup.map((g) => ({ label: g.subgroup, g }))];
  blocks.push({
    kind: 'table',
    id: 'table-12',
    caption: k.who5Table,
    head: k.who5Head,
    rows: groups.map(({ label, g }) => [label, num(g.n), num(g.start_mean, 1), num(g.end_mean, 1), num(g.mean_change, 1), pv(g.tests?.t_test?.p), pv(g.tests?.wilcoxon?.p)]),
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    notes: [k.who5Note],
  });
  blocks.push({
    kind: 'table',
    id: 'table-13',
    caption: k.bandTable,
    head: k.bandHead,
    rows: BANDS.map((b) => [WHO5_BAND_LABELS[b][lang], num(p.who5.bands.start[b]), num(p.who5.bands.end[b])]),
    align: ['left', 'right', 'right'],
  });
  blocks.push({ kind: 'figure', name: 'progression', svg: '', caption: k.who5Caption, alt: k.who5Title });
  blocks.push({
    kind: 'table',
    id: 'table-14',
    caption: k.bipTable,
    head: k.bipHead,
    rows: p.bip.indicators.map((i) => [
      `${i.label[lang]}${i.job_predictive ? ' *' : ''}`,
      num(i.overall.n),
      share(i.overall.change.positive_share),
      share(i.overall.change.unchanged_share),
      share(i.overall.change.negative_share),
      pv(i.overall.tests.t_test?.p),
    ]),
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    notes: [k.bipNote],
  });
  blocks.push({ kind: 'figure', name: 'progression_bip', svg: '', caption: k.bipCaption, alt: k.bipTitle });
  blocks.push({ kind: 'paragraph', text: PAYMENT_NOTE[p.not_for_payment_reason][lang] });

  const cctx: ChartStyle = { m, f, internal: ctx.internal };
  return {
    id: 'progression',
    title: m.h.progression,
    summary,
    blocks,
    limitations: [m.lim.progression],
    provenance: [],
    charts: [
      { name: 'progression', spec: who5Chart(p, cctx, k.all) },
      { name: 'progression_bip', spec: bipChart(p, cctx) },
    ],
  };
}

function who5Chart(p: PublishedProgression, ctx: ChartStyle, allLabel: string): TopLevelSpec {
  const k = ctx.m.prog;
  const c = p.chart.who5_means;
  const labels = c.groups.map((g, i) => (i === 0 ? allLabel : g));
  const rows = labels
    .map((g, i) => ({ group: g, start: c.start[i], end: c.end[i] }))
    .filter((r): r is { group: string; start: number; end: number } => typeof r.start === 'number' && typeof r.end === 'number');
  const points = rows.flatMap((r) => [
    { group: r.group, wave: k.who5Start, score: r.start },
    { group: r.group, wave: k.who5End, score: r.end },
  ]);
  const waves = [k.who5Start, k.who5End];
  const limits = c.band_limits.map((x) => ({ x: typeof x === 'number' ? x : 0 }));
  return asSpec({
    ...base(ctx),
    title: title(ctx, k.who5Title),
    width: CHART_WIDTH,
    height: Math.max(1, rows.length) * 34,
    layer: [
      { data: { values: limits }, mark: { type: 'rule', color: COLORS.zero, strokeDash: [4, 3] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      { data: { values: [{ x: typeof c.population_mean === 'number' ? c.population_mean : 0 }] }, mark: { type: 'rule', color: COLORS.zero, strokeDash: [1, 2] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      {
        data: { values: rows },
        mark: { type: 'rule', color: COLORS.controls, strokeWidth: 2 },
        encoding: { y: { field: 'group', type: 'nominal', sort: labels, title: null }, x: { field: 'start', type: 'quantitative', scale: { domain: [0, 100] }, title: k.who5X }, x2: { field: 'end' } },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          y: { field: 'group', type: 'nominal', sort: labels, title: null },
          x: { field: 'score', type: 'quantitative' },
          color: { field: 'wave', type: 'nominal', sort: waves, scale: { domain: waves, range: [COLORS.controls, COLORS.participants] }, legend: { title: null } },
        },
      },
    ],
  });
}

function bipChart(p: PublishedProgression, ctx: ChartStyle): TopLevelSpec {
  const k = ctx.m.prog;
  const lang = ctx.f.lang;
  const kinds = [k.positive, k.unchanged, k.negative];
  const labels = p.bip.indicators.map((i) => i.label[lang]);
  const values = p.bip.indicators.flatMap((i) =>
    (['positive_share', 'unchanged_share', 'negative_share'] as const).flatMap((key, j) => {
      const v = i.overall.change[key];
      return typeof v === 'number' ? [{ indicator: i.label[lang], kind: kinds[j], order: j, share: v * 100 }] : [];
    }),
  );
  return asSpec({
    ...base(ctx),
    title: title(ctx, k.bipTitle),
    width: CHART_WIDTH,
    height: Math.max(1, labels.length) * 26,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'indicator', type: 'nominal', sort: labels, title: null },
      x: { field: 'share', type: 'quantitative', stack: 'zero', title: k.bipX, scale: { domain: [0, 100] } },
      color: { field: 'kind', type: 'nominal', sort: kinds, scale: { domain: kinds, range: [COLORS.positive, '#c9d2dc', COLORS.negative] }, legend: { title: null } },
      order: { field: 'order', type: 'quantitative' },
    },
  });
}
