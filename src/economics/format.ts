import type { BreakEven } from './breakEven.js';
import type { EconomicsResult } from './run.js';

/** DKK with thousands separators, no decimals: 102516.9 → "102,517", −5000 → "-5,000". */
export function dkk(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const r = Math.round(x);
  return (r < 0 ? '-' : '') + Math.abs(r).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A fraction as a percentage: 0.19114 → "19.1 %". */
export function pct(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(digits)} %`;
}

/** A difference of shares in percentage points: 0.124 → "12.4 pp". */
export function pp(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(digits)} pp`;
}

function years(x: number | null): string {
  return x === null ? 'not within the horizon' : `${x.toFixed(1)} years`;
}

/** Rows of cells → lines with columns padded; numeric-looking cells are right-aligned. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const numeric = (c: string): boolean => /^[-\u2013+]?[\d,.]+( %| pp| years)?$|^\u2013$/.test(c);
  return rows.map((r) => indent + r.map((c, i) => (i > 0 && numeric(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

function breakEvenText(d: BreakEven | undefined): string {
  if (!d) return '–';
  if (d.status === 'no_root') return d.sign === 1 ? 'none (always above zero)' : 'none (always below zero)';
  const v = d.value!;
  const shown = d.parameter === 'effect.net_effect' ? pp(v) : pct(v);
  return d.status === 'boundary' ? `${shown} (at the range's end)` : shown;
}

const LABELS: Readonly<Record<string, string>> = {
  'effect.net_effect': 'Net effect',
  'effect.gross_rate': 'Gross employment rate',
  'costs.provider_cost_per_participant': 'Provider cost',
  'costs.municipal_referral_cost_per_participant': 'Municipal referral cost',
  'costs.municipal_follow_up_cost_per_participant': 'Municipal follow-up cost',
  'ordinary_effort.cost_per_participant': 'Ordinary effort cost',
  'ordinary_effort.saving_share': 'Share of ordinary effort saved',
  'yearly_gain_per_additional_employed.saved_transfer_income': 'Saved transfer income / year',
  'yearly_gain_per_additional_employed.extra_municipal_income_tax': 'Extra municipal tax / year',
  'effect_path.constant_years': 'Years the effect is constant',
  'effect_path.annual_decay': 'Yearly decay after that',
  horizon_years: 'Horizon (years)',
  'discounting.custom_rate': 'Discount rate',
  'socio_economic.production_value_per_employed_year': 'Production value / year',
  'socio_economic.net_tax_factor': 'Net tax factor',
  'payment.investor_share_of_surplus': 'Investor share of surplus',
};

export function parameterLabel(path: string): string {
  return LABELS[path] ?? path;
}

/** A parameter's value in its unit: DKK amounts, percentage points for the net effect, whole years, or %. */
export function parameterValue(path: string, v: number): string {
  if (path === 'effect.net_effect') return pp(v);
  if (path.includes('cost') || path.includes('cap') || path.includes('value_per') || path.startsWith('yearly_gain')) return dkk(v);
  if (path === 'horizon_years' || path === 'effect_path.constant_years' || path === 'socio_economic.net_tax_factor' || path.includes('months')) return String(Math.round(v * 1000) / 1000);
  return pct(v);
}

/** The readable report of `effekt economics` (English, DKK with thousands separators). */
export function formatEconomics(r: EconomicsResult): string {
  const out: string[] = [];
  const e = r.effect;
  const conf = Math.round(e.confidence * 100);
  out.push(`Economics${r.name ? ` — ${r.name}` : ''} (${r.price_year} prices, DKK per participant, present values)`);
  out.push(
    `Effect: net ${pp(e.net_effect)} (${conf} % CI ${pp(e.ci[0])} to ${pp(e.ci[1])}), gross ${pct(e.gross_rate)}, control ${pct(e.control_rate)}, ${e.participants} participants`,
  );
  out.push(`Source: ${e.source}`);
  out.push(`Horizon ${r.assumptions.horizon_years} years, discounting ${r.assumptions.discounting.schedule} (${pct(r.assumptions.discounting.bands[0]!.rate)} from year 0)`, '');

  const b = r.budget;
  out.push('Budget account (municipality)');
  out.push(
    ...table([
      ['Saved transfer income', dkk(b.saved_transfer_income)],
      ['Extra municipal income tax', dkk(b.extra_municipal_income_tax)],
      ['Saving on the ordinary employment effort', dkk(b.ordinary_effort_saving)],
      ['Municipal referral cost', dkk(-b.municipal_referral_cost)],
      ['Municipal follow-up cost', dkk(-b.municipal_follow_up_cost)],
      ['Municipal saving', dkk(b.municipal_saving_per_participant)],
      ['Provider cost', dkk(-b.provider_cost_per_participant)],
      ['Surplus', dkk(b.surplus_per_participant)],
      ['Surplus for the cohort', dkk(b.surplus_for_cohort)],
    ]),
  );
  out.push('', 'Socio-economic account');
  const s = r.socio_economic;
  out.push(
    ...table([
      ['Production value', dkk(s.production_value)],
      ['Resources saved on the ordinary effort', dkk(s.ordinary_effort_resources_saved)],
      ['Provider and municipal resources', dkk(-(s.provider_resources + s.municipal_resources))],
      [`Resource net × net tax factor ${s.net_tax_factor}`, dkk(s.resource_net_at_market_prices)],
      [`Tax distortion gain (${pct(s.tax_distortion_rate, 0)} of the budget surplus)`, dkk(s.tax_distortion_gain)],
      ['Socio-economic surplus', dkk(s.surplus_per_participant)],
    ]),
  );

  const p = r.payment;
  out.push('', 'Payment model');
  out.push(
    ...table([
      ['Investor share of the surplus', pct(p.investor_share_of_surplus, 0)],
      ['Investor share, DKK', dkk(p.investor_share_amount)],
      ['Payment per participant', dkk(p.payment_per_participant)],
      ['Gross employment rate', pct(p.gross_employment_rate)],
      ['Payment per gross-employed participant', dkk(p.payment_per_gross_employed)],
      ['Municipality keeps', dkk(p.municipal_net_per_participant)],
      ['Investor return (simple)', pct(p.investor_return)],
      ['Investor return (IRR)', pct(p.investor_irr)],
    ]),
  );
  const sub = p.by_subgroup;
  if (sub.rows.length > 0) {
    out.push('', `Payment by subgroup (rule: ${sub.rule}${sub.available ? '' : `, not available: ${sub.unavailable_reason}`})`);
    out.push(
      ...table([
        ['subgroup', 'share', 'gross', 'price / gross-employed', 'expected / participant', 'investor return'],
        ...sub.rows.map((x) => [x.label, pct(x.share_of_participants, 0), pct(x.gross_rate), dkk(x.price_per_gross_employed), dkk(x.expected_payment_per_participant), pct(x.investor_return)]),
        ['Cohort', '', '', dkk(sub.participant_weighted_price), dkk(sub.expected_payment_per_participant), ''],
      ]),
    );
  }

  const be = r.break_even;
  const d = (id: string): BreakEven | undefined => be.details.find((x) => x.id === id);
  out.push('', 'Break-even');
  out.push(
    ...table([
      ['', 'base', 'surplus = 0', 'municipality keeps 0'],
      ['Gross employment rate (investor)', pct(p.gross_employment_rate), breakEvenText(d('gross_employment_rate')), ''],
      ['Net effect', pp(e.net_effect), breakEvenText(d('net_effect')), breakEvenText(d('net_effect_municipal_net'))],
      ['Yearly decay after the constant years', pct(r.assumptions.effect_path.annual_decay), breakEvenText(d('annual_decay')), breakEvenText(d('annual_decay_municipal_net'))],
      ['Share of ordinary effort saved', pct(r.assumptions.ordinary_effort.saving_share), breakEvenText(d('effort_saving_share')), breakEvenText(d('effort_saving_share_municipal_net'))],
    ]),
  );
  out.push(`  Municipality's cumulative account breaks even after ${years(be.years_to_municipal_break_even)} (public budget: ${years(be.years_to_budget_break_even)})`);

  out.push('', 'Cash flow by year (municipality in the deal, present values)');
  out.push(
    ...table([
      ['year', 'net effect', 'budget net', 'payment', 'municipal net', 'cumulative'],
      ...r.cash_flow.map((c) => [String(c.year), pp(c.net_effect), dkk(c.budget_net_pv), dkk(c.payment_to_investor * c.discount_factor), dkk(c.municipal_net_pv), dkk(c.municipal_cumulative_pv)]),
    ]),
  );

  out.push('', 'Sensitivity (one at a time; surplus per participant at the low and high value)');
  out.push(
    ...table([
      ['parameter', 'low', 'high', 'surplus low', 'surplus high', 'municipality keeps low', 'high'],
      ...r.sensitivity.tornado.map((t) => [
        parameterLabel(t.parameter),
        parameterValue(t.parameter, t.low_value),
        parameterValue(t.parameter, t.high_value),
        dkk(t.surplus_low),
        dkk(t.surplus_high),
        dkk(t.municipal_net_low),
        dkk(t.municipal_net_high),
      ]),
    ]),
  );

  if (r.scenarios.length > 1) {
    out.push('', 'Scenarios (contract price held at the base deal)');
    out.push(
      ...table([
        ['scenario', 'surplus', 'socio-economic', 'municipality keeps', 'investor return', 'break-even year'],
        ...r.scenarios.map((x) => [
          x.label,
          dkk(x.surplus_per_participant),
          dkk(x.socio_economic_surplus_per_participant),
          dkk(x.municipal_net_per_participant),
          pct(x.investor_return),
          x.years_to_municipal_break_even === null ? '–' : x.years_to_municipal_break_even.toFixed(1),
        ]),
      ]),
    );
  }

  const u = r.uncertainty;
  out.push('', `Uncertainty (${dkk(u.draws)} draws of the net effect, seed ${u.seed})`);
  out.push(
    ...table([
      ['P(budget deficit)', pct(u.p_budget_deficit)],
      ['P(municipality loses)', pct(u.p_municipal_loss)],
      ['P(investor loses)', pct(u.p_investor_loss)],
      ['Surplus 5 % / 50 % / 95 %', `${dkk(u.surplus_quantiles.p05)} / ${dkk(u.surplus_quantiles.p50)} / ${dkk(u.surplus_quantiles.p95)}`],
    ]),
  );

  if (r.comparison_with_catalogue) {
    out.push('', 'Comparison with the catalogue');
    const fmt = (unit: string, x: number | null): string => (unit === 'dkk' ? dkk(x) : unit === 'years' ? (x === null ? '–' : x.toFixed(1)) : pct(x));
    out.push(
      ...table([
        ['figure', 'catalogue', 'model', 'within', 'note'],
        ...r.comparison_with_catalogue.map((c) => [c.id, fmt(c.unit, c.catalogue), fmt(c.unit, c.model), c.within_tolerance ? 'yes' : 'NO', c.explanation]),
      ]),
    );
  }
  return out.join('\n') + '\n';
}
