import type { CatalogueReference } from './schema.js';

/** One published figure beside the model's value. */
export interface ComparisonRow {
  readonly id: string;
  readonly unit: 'dkk' | 'fraction' | 'years';
  readonly catalogue: number;
  readonly model: number | null;
  readonly difference: number | null;
  /** Allowed |difference|: 1 % of the figure for amounts; the published rounding for rates and years. */
  readonly tolerance: number;
  readonly within_tolerance: boolean;
  /**
   * Why the values differ (a message key the report explains): `rounding` (the catalogue
   * rounds), `definition_surplus_zero` (break-even where the shared surplus is gone),
   * `year_convention` (interpolated years, year 0 = participation year), `simple_return_rounded`
   * (the catalogue's "20 %" is 19.1 % rounded up), `subgroup_rule_catalogue_linear`.
   */
  readonly explanation: string;
}

export interface ModelFigures {
  readonly municipal_saving_per_participant: number;
  readonly provider_cost_per_participant: number;
  readonly surplus_per_participant: number;
  readonly socio_economic_surplus_per_participant: number;
  readonly investor_share_amount: number;
  readonly payment_per_participant: number;
  readonly payment_per_gross_employed: number;
  readonly investor_return: number | null;
  readonly investor_break_even_gross_rate: number | null;
  readonly break_even_annual_decay: number | null;
  readonly break_even_effort_saving_share: number | null;
  readonly break_even_net_effect: number | null;
  readonly years_to_municipal_break_even: number | null;
  readonly payment_per_gross_employed_by_subgroup: Readonly<Record<string, number | null>>;
}

interface Rule {
  readonly unit: ComparisonRow['unit'];
  /** absolute tolerance, or relative when `relative` */
  readonly tolerance: number;
  readonly relative?: boolean;
  readonly explanation: string;
}

const RULES: Readonly<Record<Exclude<keyof CatalogueReference, 'source' | 'payment_per_gross_employed_by_subgroup'>, Rule>> = {
  municipal_saving_per_participant: { unit: 'dkk', tolerance: 0.01, relative: true, explanation: 'rounding' },
  provider_cost_per_participant: { unit: 'dkk', tolerance: 0.01, relative: true, explanation: 'rounding' },
  surplus_per_participant: { unit: 'dkk', tolerance: 0.01, relative: true, explanation: 'rounding' },
  socio_economic_surplus_per_participant: { unit: 'dkk', tolerance: 0.01, relative: true, explanation: 'rounding' },
  investor_share_amount: { unit: 'dkk', tolerance: 0.01, relative: true, explanation: 'rounding' },
  payment_per_participant: { unit: 'dkk', tolerance: 0.01, relative: true, explanation: 'rounding' },
  payment_per_gross_employed: { unit: 'dkk', tolerance: 0.01, relative: true, explanation: 'rounding' },
  investor_return: { unit: 'fraction', tolerance: 0.01, explanation: 'simple_return_rounded' },
  investor_break_even_gross_rate: { unit: 'fraction', tolerance: 0.01, explanation: 'rounding' },
  break_even_annual_decay: { unit: 'fraction', tolerance: 0.005, explanation: 'definition_surplus_zero' },
  break_even_effort_saving_share: { unit: 'fraction', tolerance: 0.005, explanation: 'definition_surplus_zero' },
  break_even_net_effect: { unit: 'fraction', tolerance: 0.005, explanation: 'rounding' },
  years_to_municipal_break_even: { unit: 'years', tolerance: 0.5, explanation: 'year_convention' },
};

function row(id: string, catalogue: number, model: number | null, rule: Rule): ComparisonRow {
  const tolerance = rule.relative ? Math.abs(catalogue) * rule.tolerance : rule.tolerance;
  const difference = model === null ? null : model - catalogue;
  return { id, unit: rule.unit, catalogue, model, difference, tolerance, within_tolerance: difference !== null && Math.abs(difference) <= tolerance + 1e-12, explanation: rule.explanation };
}

/** Every published figure the parameter file names, beside the model's value (catalogue Tables 1–6). */
export function compareWithCatalogue(ref: CatalogueReference, model: ModelFigures): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const [id, rule] of Object.entries(RULES) as [keyof typeof RULES, Rule][]) {
    const published = ref[id];
    if (published === undefined) continue;
    rows.push(row(id, published, model[id], rule));
  }
  for (const [sub, published] of Object.entries(ref.payment_per_gross_employed_by_subgroup ?? {})) {
    rows.push(
      row(`payment_per_gross_employed_by_subgroup.${sub}`, published, model.payment_per_gross_employed_by_subgroup[sub] ?? null, {
        unit: 'dkk',
        tolerance: 0.01,
        relative: true,
        explanation: 'subgroup_rule_catalogue_linear',
      }),
    );
  }
  return rows;
}
