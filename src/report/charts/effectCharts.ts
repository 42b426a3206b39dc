/**
 * Vega-Lite specs of the effect charts, built from the published (suppressed) record only:
 * status distribution by group, net effect with interval per outcome, subgroup net effects.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Formatter } from '../format.js';
import type { Messages } from '../messages/index.js';
import type { PublishedEvaluation } from '../published.js';
import { CHART_WIDTH, COLORS, chartConfig } from './theme.js';

/** What every chart needs: messages, number formats, the internal marking. */
export interface ChartStyle {
  readonly m: Messages;
  readonly f: Formatter;
  /** Subtitle on every chart of an internal (unsuppressed) run. */
  readonly internal: boolean;
}

/** The effect charts also read the published evaluation. */
export interface ChartContext extends ChartStyle {
  readonly pub: PublishedEvaluation;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function title(ctx: ChartStyle, text: string, subtitle?: string): Record<string, unknown> {
  const sub = [ctx.internal ? ctx.m.internal.short : '', subtitle ?? ''].filter(Boolean);
  return sub.length ? { text, subtitle: sub } : { text };
}

export function base(ctx: ChartStyle): { $schema: string; config: Record<string, unknown> } {
  return { $schema: SCHEMA, config: chartConfig(ctx.f.lang) };
}

/**
 * Specs are built as plain objects and checked where it counts: by compiling them (the
 * tests fail on any Vega-Lite warning); the static union type of Vega-Lite is too deep to
 * satisfy field by field.
 */
export function asSpec(spec: Record<string, unknown>): TopLevelSpec {
  return spec as unknown as TopLevelSpec;
}

/** Round a domain outwards to a multiple of `step`. */
function niceDomain(lo: number, hi: number, step: number): [number, number] {
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

export function statusChart(ctx: ChartContext): TopLevelSpec {
  const { pub, m, f } = ctx;
  const groups = [m.group.participants, m.group.controls];
  const values: Record<string, unknown>[] = [];
  let omitted = false;
  for (const r of pub.status_distribution) {
    for (const [g, label] of [['participants', m.group.participants], ['controls', m.group.controls]] as const) {
      const share = g === 'participants' ? r.participants_share : r.controls_share;
      if (share === null) {
        omitted = true;
        continue;
      }
      values.push({ category: m.catShort[r.category], group: label, share: share * 100, label: f.pctNum(share) });
    }
  }
  const max = Math.max(10, ...values.map((v) => v['share'] as number));
  const categories = pub.status_distribution.map((r) => m.catShort[r.category]);
  return asSpec({
    ...base(ctx),
    title: title(ctx, m.chart.statusTitle, omitted ? m.chart.statusNoteSuppressed : undefined),
    width: CHART_WIDTH,
    height: categories.length * 30,
    data: { values },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: categories, title: null, scale: { paddingInner: 0.25 } },
      yOffset: { field: 'group', type: 'nominal', sort: groups },
      x: { field: 'share', type: 'quantitative', title: m.chart.statusX, scale: { domain: [0, niceDomain(0, max + 8, 10)[1]] }, axis: { format: 'd' } },
      color: { field: 'group', type: 'nominal', sort: groups, scale: { domain: groups, range: [COLORS.participants, COLORS.controls] }, legend: { title: null } },
    },
    layer: [
      { mark: { type: 'bar' } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: 9 }, encoding: { text: { field: 'label', type: 'nominal' }, color: { value: '#1b2a38' } } },
    ],
  });
}

export function effectsChart(ctx: ChartContext): TopLevelSpec {
  const { pub, m, f } = ctx;
  const rows = Object.values(pub.outcomes).filter((o) => o.difference !== null);
  const values = rows.map((o) => {
    const d = o.difference as NonNullable<typeof o.difference>;
    return {
      outcome: o.label[f.lang],
      estimate: d.estimate * 100,
      lo: d.ci[0] * 100,
      hi: d.ci[1] * 100,
      label: `${f.pctNum(d.estimate)} (${f.ppRange(d.ci)})`,
    };
  });
  const level = f.level(pub.confidence);
  const [lo, hi] = niceDomain(Math.min(0, ...values.map((v) => v.lo)) - 2, Math.max(0, ...values.map((v) => v.hi)) + 2, 5);
  return asSpec({
    ...base(ctx),
    title: title(ctx, m.chart.effectsTitle),
    width: CHART_WIDTH,
    height: Math.max(1, values.length) * 48,
    data: { values },
    encoding: {
      y: { field: 'outcome', type: 'nominal', title: null, sort: values.map((v) => v.outcome), scale: { paddingInner: 0.4, paddingOuter: 0.3 } },
    },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: COLORS.zero, strokeDash: [4, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' }, y: null } },
      {
        mark: { type: 'rule', strokeWidth: 2.5, color: COLORS.interval },
        encoding: { x: { field: 'lo', type: 'quantitative', title: m.chart.effectsX(level), scale: { domain: [lo, hi] } }, x2: { field: 'hi' } },
      },
      { mark: { type: 'point', filled: true, size: 90, color: COLORS.estimate, opacity: 1 }, encoding: { x: { field: 'estimate', type: 'quantitative' } } },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -9, fontSize: 10 },
        encoding: { x: { field: 'estimate', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  });
}

export function subgroupsChart(ctx: ChartContext, variableLabel: (v: string) => string, levelLabel: (l: string) => string): TopLevelSpec | null {
  const { pub, m, f } = ctx;
  const outcomes = Object.values(pub.outcomes).map((o) => o.label[f.lang]);
  const values: Record<string, unknown>[] = [];
  for (const l of pub.subgroups) {
    for (const o of Object.values(l.outcomes)) {
      if (!o.difference) continue;
      values.push({
        subgroup: `${variableLabel(l.variable)}: ${levelLabel(l.level)}`,
        outcome: o.label[f.lang],
        estimate: o.difference.estimate * 100,
        lo: o.difference.ci[0] * 100,
        hi: o.difference.ci[1] * 100,
      });
    }
  }
  if (values.length === 0) return null;
  const subgroups = [...new Set(values.map((v) => v['subgroup'] as string))];
  const [lo, hi] = niceDomain(Math.min(0, ...values.map((v) => v['lo'] as number)) - 2, Math.max(0, ...values.map((v) => v['hi'] as number)) + 2, 10);
  return asSpec({
    ...base(ctx),
    title: title(ctx, m.chart.subgroupsTitle),
    width: CHART_WIDTH,
    height: subgroups.length * Math.max(2, outcomes.length) * 18,
    data: { values },
    encoding: {
      y: { field: 'subgroup', type: 'nominal', title: null, sort: subgroups, scale: { paddingInner: 0.3 } },
      yOffset: { field: 'outcome', type: 'nominal', sort: outcomes },
      color: { field: 'outcome', type: 'nominal', sort: outcomes, scale: { domain: outcomes, range: COLORS.series.slice(0, Math.max(1, outcomes.length)) }, legend: { title: null } },
    },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: COLORS.zero, strokeDash: [4, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' }, y: null, yOffset: null, color: null } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'lo', type: 'quantitative', title: m.chart.subgroupsX, scale: { domain: [lo, hi] } }, x2: { field: 'hi' } } },
      { mark: { type: 'point', filled: true, size: 50, opacity: 1 }, encoding: { x: { field: 'estimate', type: 'quantitative' } } },
    ],
  });
}
