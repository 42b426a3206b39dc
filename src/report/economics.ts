/**
 * The economics section of the note: plain-language summary from the model's
 * `plain_language` facts, the budget and socio-economic accounts (catalogue Table 1), the
 * payment model with subgroup prices (Table 4), break-even points (Tables 5–6), scenarios,
 * and three charts (cumulative cash flow, tornado, surplus distribution).
 *
 * Publication: the subgroup rows of the payment model are person counts in disguise
 * (share × participants, gross rate × subgroup); a row is hidden whenever the matching
 * subgroup of the published evaluation has a hidden count, so it inherits the evaluation's
 * complementary suppression.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EconomicsResult } from '../economics/run.js';
import type { SubgroupPayment, SubgroupPricing } from '../economics/subgroups.js';
import { asSpec, base, title, type ChartStyle } from './charts/effectCharts.js';
import { CHART_WIDTH, COLORS } from './charts/theme.js';
import type { Block } from './doc.js';
import type { PublishedEvaluation } from './published.js';
import type { ReportSection } from './sections.js';
import type { SectionContext } from './sectionContext.js';

type Nullable<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]: T[P] | null };

export type PublishedSubgroupPayment = Nullable<SubgroupPayment, 'share_of_participants' | 'gross_rate' | 'net_effect' | 'additionality' | 'price_per_gross_employed' | 'expected_payment_per_participant' | 'investor_return'> & {
  readonly suppressed?: true;
};

export interface PublishedPricing extends Omit<SubgroupPricing, 'rows'> {
  readonly rows: readonly PublishedSubgroupPayment[];
}

type EffectSubgroup = NonNullable<EconomicsResult['effect']['subgroups']>[number];
export type PublishedEffectSubgroup = Nullable<EffectSubgroup, 'share_of_participants' | 'gross_rate' | 'net_effect'> & { readonly suppressed?: true };

export interface PublishedEconomics extends Omit<EconomicsResult, 'payment' | 'effect'> {
  readonly effect: Omit<EconomicsResult['effect'], 'subgroups'> & { readonly subgroups?: readonly PublishedEffectSubgroup[] };
  readonly payment: Omit<EconomicsResult['payment'], 'by_subgroup' | 'by_subgroup_alternatives'> & {
    readonly by_subgroup: PublishedPricing;
    readonly by_subgroup_alternatives: readonly PublishedPricing[];
  };
}

/** Is the evaluation subgroup `variable=level` (an economics subgroup id) shown in full? */
function subgroupHidden(evaluation: PublishedEvaluation | undefined, id: string, threshold: number): boolean {
  if (threshold <= 1) return false;
  const eq = id.indexOf('=');
  if (!evaluation || eq < 0) return false;
  const variable = id.slice(0, eq);
  const level = id.slice(eq + 1);
  const l = evaluation.subgroups.find((s) => s.variable === variable && s.level === level);
  if (!l) return false;
  if (typeof l.participants !== 'number' || typeof l.controls !== 'number') return true;
  return Object.values(l.outcomes).some((o) => typeof o.participants.events !== 'number' || typeof o.controls.events !== 'number');
}

export function publishEconomics(e: EconomicsResult, threshold: number, evaluation?: PublishedEvaluation): PublishedEconomics {
  const fromEffect = e.effect.subgroups_source === 'effect';
  const hide = (id: string) => fromEffect && subgroupHidden(evaluation, id, threshold);
  const pricing = (p: SubgroupPricing): PublishedPricing => ({
    ...p,
    rows: p.rows.map((r) =>
      hide(r.id)
        ? { ...r, share_of_participants: null, gross_rate: null, net_effect: null, additionality: null, price_per_gross_employed: null, expected_payment_per_participant: null, investor_return: null, suppressed: true }
        : r,
    ),
  });
  const effectSubgroups = e.effect.subgroups?.map((s) => (hide(s.id) ? { ...s, share_of_participants: null, gross_rate: null, net_effect: null, suppressed: true as const } : s));
  return {
    ...e,
    effect: { ...e.effect, ...(effectSubgroups ? { subgroups: effectSubgroups } : {}) },
    payment: { ...e.payment, by_subgroup: pricing(e.payment.by_subgroup), by_subgroup_alternatives: e.payment.by_subgroup_alternatives.map(pricing) },
  };
}

export function economicsSection(e: PublishedEconomics, ctx: SectionContext): ReportSection {
  const { m, f } = ctx;
  const k = m.eco;
  const pl = e.plain_language;
  const kr = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : f.kr(x));
  const krn = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : f.krNum(x));
  const pct = (x: number | null, d = 0) => (x === null || !Number.isFinite(x) ? '–' : f.pct(x, d));
  const year = String(e.price_year);

  // Summary.
  const summary: string[] = [];
  const facts = { surplus: kr(Math.abs(pl.surplus_per_participant)), saving: kr(e.budget.municipal_saving_per_participant), cost: kr(e.budget.provider_cost_per_participant), cohort: kr(Math.abs(pl.surplus_for_cohort)), n: f.int(pl.participants), socio: kr(pl.socio_economic_surplus_per_participant), year };
  summary.push(pl.pays_for_budget ? k.summaryPays(facts) : k.summaryLoses(facts));
  summary.push(
    k.summaryPayment({
      share: pct(e.payment.investor_share_of_surplus),
      price: kr(pl.payment_per_gross_employed),
      rate: pct(pl.gross_employment_rate),
      perParticipant: kr(pl.payment_per_participant),
      ret: pct(pl.investor_return),
      municipal: kr(pl.municipal_net_per_participant),
    }),
  );
  if (pl.net_effect_break_even !== null) {
    const be = f.pp(pl.net_effect_break_even);
    const net = f.pp(pl.net_effect);
    summary.push(pl.years_to_municipal_break_even === null ? k.summaryBreakEvenNoYears({ be, net }) : k.summaryBreakEven({ be, net, years: f.num(pl.years_to_municipal_break_even, 1) }));
  }
  summary.push(k.summaryRisk({ p: pct(pl.p_budget_deficit) }));

  // Body.
  const blocks: Block[] = [];
  const a = e.assumptions;
  blocks.push({
    kind: 'paragraph',
    text: k.intro({
      year,
      horizon: f.int(a.horizon_years),
      net: f.pp(e.effect.net_effect),
      constant: f.int(a.effect_path.constant_years),
      decay: pct(a.effect_path.annual_decay),
      saving: pct(a.ordinary_effort.saving_share),
      schedule: k.schedule[a.discounting.schedule] ?? a.discounting.schedule,
    }),
  });
  const b = e.budget;
  const budgetRows = [
    [k.row['saved_transfer_income'] ?? '', krn(b.saved_transfer_income)],
    [k.row['extra_municipal_income_tax'] ?? '', krn(b.extra_municipal_income_tax)],
    [k.row['ordinary_effort_saving'] ?? '', krn(b.ordinary_effort_saving)],
    [k.row['municipal_referral_cost'] ?? '', krn(-b.municipal_referral_cost)],
    [k.row['municipal_follow_up_cost'] ?? '', krn(-b.municipal_follow_up_cost)],
    [k.row['municipal_saving_per_participant'] ?? '', krn(b.municipal_saving_per_participant)],
    [k.row['provider_cost_per_participant'] ?? '', krn(-b.provider_cost_per_participant)],
    [k.row['surplus_per_participant'] ?? '', krn(b.surplus_per_participant)],
  ];
  blocks.push({ kind: 'table', id: 'table-5', caption: k.budgetTable, head: k.amountHead, rows: budgetRows, align: ['left', 'right'], totalRows: [5, 7], notes: [`${k.row['surplus_for_cohort']}: ${kr(b.surplus_for_cohort)}.`] });
  const s = e.socio_economic;
  const socioRows = [
    [k.row['production_value'] ?? '', krn(s.production_value)],
    [k.row['ordinary_effort_resources_saved'] ?? '', krn(s.ordinary_effort_resources_saved)],
    [k.row['provider_resources'] ?? '', krn(-s.provider_resources)],
    [k.row['municipal_resources'] ?? '', krn(-s.municipal_resources)],
    [`${k.row['resource_net_at_market_prices']} (${f.num(s.net_tax_factor, 2)})`, krn(s.resource_net_at_market_prices)],
    [`${k.row['tax_distortion_gain']} (${pct(s.tax_distortion_rate)})`, krn(s.tax_distortion_gain)],
    [k.row['socio_surplus'] ?? '', krn(s.surplus_per_participant)],
  ];
  blocks.push({ kind: 'table', id: 'table-6', caption: k.socioTable, head: k.amountHead, rows: socioRows, align: ['left', 'right'], totalRows: [6] });
  const p = e.payment;
  const payRows = [
    [k.row['investor_share_of_surplus'] ?? '', pct(p.investor_share_of_surplus)],
    [k.row['investor_share_amount'] ?? '', kr(p.investor_share_amount)],
    [k.row['payment_per_participant'] ?? '', kr(p.payment_per_participant)],
    [k.row['gross_employment_rate'] ?? '', pct(p.gross_employment_rate, 1)],
    [k.row['payment_per_gross_employed'] ?? '', kr(p.payment_per_gross_employed)],
    [k.row['municipal_net_per_participant'] ?? '', kr(p.municipal_net_per_participant)],
    [k.row['investor_net_per_participant'] ?? '', kr(p.investor_net_per_participant)],
    [k.row['investor_return'] ?? '', pct(p.investor_return, 1)],
    [k.row['investor_irr'] ?? '', pct(p.investor_irr, 1)],
  ];
  blocks.push({ kind: 'table', id: 'table-7', caption: k.paymentTable, head: k.valueHead, rows: payRows, align: ['left', 'right'] });

  const pricing = p.by_subgroup;
  if (pricing.available && pricing.rows.length) {
    const rows = pricing.rows.map((r) => [
      subgroupLabel(r.id, r.label, ctx),
      r.suppressed ? '..' : pct(r.share_of_participants),
      r.suppressed ? '..' : pct(r.gross_rate),
      r.suppressed ? '..' : r.net_effect === null ? '–' : f.pp(r.net_effect),
      r.suppressed ? '..' : kr(r.price_per_gross_employed),
      r.suppressed ? '..' : kr(r.expected_payment_per_participant),
    ]);
    const notes = pricing.rows.some((r) => r.suppressed) ? [k.subgroupHidden] : [];
    blocks.push({ kind: 'table', id: 'table-8', caption: k.subgroupTable(k.rule[pricing.rule] ?? pricing.rule), head: k.subgroupHead, rows, align: ['left', 'right', 'right', 'right', 'right', 'right'], notes, small: true });
  }

  const be = e.break_even;
  const beRow = (id: string, base: string, value: string, target: string) => [k.breakEven[id] ?? id, base, value, target];
  const detail = (id: string) => be.details.find((d) => d.id === id);
  const shareOr = (x: number | null) => (x === null ? k.notReached : pct(x));
  const beRows = [
    beRow('gross_employment_rate', pct(p.gross_employment_rate), shareOr(be.gross_employment_rate), k.target['investor_net'] ?? ''),
    beRow('net_effect', f.pp(e.effect.net_effect), be.net_effect === null ? k.notReached : f.pp(be.net_effect), k.target['budget_surplus'] ?? ''),
    beRow('annual_decay', pct(detail('annual_decay')?.base_value ?? null), shareOr(be.annual_decay), k.target['budget_surplus'] ?? ''),
    beRow('effort_saving_share', pct(detail('effort_saving_share')?.base_value ?? null), shareOr(be.effort_saving_share), k.target['budget_surplus'] ?? ''),
    beRow('years_to_municipal_break_even', '–', be.years_to_municipal_break_even === null ? k.notReached : k.years(f.num(be.years_to_municipal_break_even, 1)), k.target['cumulative'] ?? ''),
  ];
  blocks.push({ kind: 'table', id: 'table-9', caption: k.breakEvenTable, head: k.breakEvenHead, rows: beRows, align: ['left', 'right', 'right', 'left'] });
  blocks.push({ kind: 'figure', name: 'cash_flow', svg: '', caption: k.cashFlowCaption, alt: k.cashFlowTitle });
  blocks.push({ kind: 'figure', name: 'tornado', svg: '', caption: k.tornadoCaption, alt: k.tornadoTitle });

  if (e.scenarios.length > 1) {
    const rows = e.scenarios.map((sc) => [
      k.scenario[sc.id] ?? (Object.keys(sc.overrides).length ? Object.entries(sc.overrides).map(([path, v]) => k.scenarioOverride({ param: k.param[path] ?? path, value: typeof v === 'number' ? f.num(v, 3) : v })).join('; ') : sc.label),
      kr(sc.surplus_per_participant),
      kr(sc.municipal_net_per_participant),
      pct(sc.investor_return),
      sc.years_to_municipal_break_even === null ? k.notReached : f.num(sc.years_to_municipal_break_even, 1),
    ]);
    blocks.push({ kind: 'table', id: 'table-10', caption: k.scenarioTable, head: k.scenarioHead, rows, align: ['left', 'right', 'right', 'right', 'right'], small: true });
  }
  const u = e.uncertainty;
  blocks.push({
    kind: 'paragraph',
    text: k.uncertainty({ draws: f.int(u.draws), p025: kr(u.surplus_quantiles.p025), p975: kr(u.surplus_quantiles.p975), pDeficit: pct(u.p_budget_deficit), pInvestor: pct(u.p_investor_loss) }),
  });
  blocks.push({ kind: 'figure', name: 'surplus', svg: '', caption: k.histogramCaption, alt: k.histogramTitle });

  if (e.comparison_with_catalogue?.length) {
    const val = (x: number | null, unit: string) => (x === null ? '–' : unit === 'dkk' ? krn(x) : unit === 'years' ? f.num(x, 1) : pct(x, 1));
    const rows = e.comparison_with_catalogue.map((r) => [
      k.row[r.id] ?? k.breakEven[r.id] ?? r.id,
      val(r.catalogue, r.unit),
      val(r.model, r.unit),
      val(r.difference, r.unit),
      k.explanation[r.explanation] ?? r.explanation,
    ]);
    blocks.push({ kind: 'table', id: 'table-11', caption: k.comparisonTable, head: k.comparisonHead, rows, align: ['left', 'right', 'right', 'right', 'left'], small: true });
  }

  const cctx: ChartStyle = { m, f, internal: ctx.internal };
  return {
    id: 'economics',
    title: m.h.economics,
    summary,
    blocks,
    limitations: [m.lim.economics],
    provenance: [],
    charts: [
      { name: 'cash_flow', spec: cashFlowChart(e, cctx) },
      { name: 'tornado', spec: tornadoChart(e, cctx) },
      { name: 'surplus', spec: histogramChart(e, cctx) },
    ],
  };
}

function subgroupLabel(id: string, label: string, ctx: SectionContext): string {
  const eq = id.indexOf('=');
  if (eq < 0) return label;
  const v = id.slice(0, eq);
  const l = id.slice(eq + 1);
  return `${ctx.m.covariate[v] ?? v}: ${ctx.m.level[l] ?? l}`;
}

function cashFlowChart(e: PublishedEconomics, ctx: ChartStyle): TopLevelSpec {
  const k = ctx.m.eco;
  const values = e.charts.cash_flow.flatMap((r) => [
    { year: r.year, series: k.cashFlowBudget, value: r.budget_cumulative_pv },
    { year: r.year, series: k.cashFlowMunicipal, value: r.municipal_cumulative_pv },
  ]);
  const series = [k.cashFlowBudget, k.cashFlowMunicipal];
  return asSpec({
    ...base(ctx),
    title: title(ctx, k.cashFlowTitle),
    width: CHART_WIDTH,
    height: 220,
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: COLORS.zero, strokeDash: [4, 3] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      {
        mark: { type: 'line', point: { filled: true, size: 30 }, strokeWidth: 2 },
        encoding: {
          x: { field: 'year', type: 'quantitative', title: k.cashFlowX, axis: { tickMinStep: 1, format: 'd' } },
          y: { field: 'value', type: 'quantitative', title: k.cashFlowY, axis: { format: ',.0f' } },
          color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: [COLORS.controls, COLORS.participants] }, legend: { title: null } },
        },
      },
    ],
  });
}

function tornadoChart(e: PublishedEconomics, ctx: ChartStyle): TopLevelSpec {
  const k = ctx.m.eco;
  const rows = e.charts.tornado.slice(0, 10);
  const baseValue = rows[0]?.base_surplus ?? e.budget.surplus_per_participant;
  const order = rows.map((r) => k.param[r.parameter] ?? r.parameter);
  const values = rows.flatMap((r) => [
    { parameter: k.param[r.parameter] ?? r.parameter, end: k.tornadoLow, from: baseValue, to: r.surplus_low },
    { parameter: k.param[r.parameter] ?? r.parameter, end: k.tornadoHigh, from: baseValue, to: r.surplus_high },
  ]);
  const ends = [k.tornadoLow, k.tornadoHigh];
  return asSpec({
    ...base(ctx),
    title: title(ctx, k.tornadoTitle),
    width: CHART_WIDTH,
    height: Math.max(1, rows.length) * 22,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y: { field: 'parameter', type: 'nominal', sort: order, title: null },
          x: { field: 'from', type: 'quantitative', title: k.tornadoX, axis: { format: ',.0f', tickCount: 5, labelOverlap: true } },
          x2: { field: 'to' },
          color: { field: 'end', type: 'nominal', sort: ends, scale: { domain: ends, range: [COLORS.controls, COLORS.participants] }, legend: { title: null } },
        },
      },
      { data: { values: [{ base: baseValue }] }, mark: { type: 'rule', color: COLORS.estimate }, encoding: { x: { field: 'base', type: 'quantitative' } } },
    ],
  });
}

function histogramChart(e: PublishedEconomics, ctx: ChartStyle): TopLevelSpec {
  const k = ctx.m.eco;
  const values = e.charts.surplus_histogram.map((b) => ({ x0: b.x0, x1: b.x1, count: b.count, side: b.x1 <= 0 ? 'neg' : 'pos' }));
  return asSpec({
    ...base(ctx),
    title: title(ctx, k.histogramTitle),
    width: CHART_WIDTH,
    height: 180,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', binSpacing: 0 },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: k.histogramX, axis: { format: ',.0f', tickCount: 6, labelOverlap: true } },
          x2: { field: 'x1' },
          y: { field: 'count', type: 'quantitative', title: k.histogramY, axis: { format: ',.0f' } },
          y2: { datum: 0 },
          color: { field: 'side', type: 'nominal', scale: { domain: ['neg', 'pos'], range: [COLORS.negative, COLORS.participants] }, legend: null },
        },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: COLORS.estimate, strokeDash: [4, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    ],
  });
}
