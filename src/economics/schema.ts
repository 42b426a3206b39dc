/**
 * The economic model's parameter file, validated at the boundary with zod. Every amount is
 * DKK per participant (or per additional person in employment per year) in the prices of
 * `price_year`; every share is a fraction (0.18, not 18). docs/economics.md documents each
 * field with its unit; keep the two in step.
 */
import { z } from 'zod';

const money = z.number().finite().min(0);
const fraction = z.number().finite().min(0).max(1);

export const DISCOUNT_SCHEDULES = ['fm2017', 'fm2021', 'custom'] as const;
export type DiscountScheduleId = (typeof DISCOUNT_SCHEDULES)[number];

export const SUBGROUP_RULES = ['uniform', 'equal_payment_per_participant', 'additionality_weighted', 'catalogue_linear'] as const;
export type SubgroupRule = (typeof SUBGROUP_RULES)[number];

export const subgroupSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    share_of_participants: fraction,
    gross_rate: fraction,
    net_effect: z.number().finite().min(-1).max(1).optional(),
  })
  .strict();

/** The effect the model is fed: measured by `effekt run`, or assumed for planning a deal. */
export const effectSchema = z
  .object({
    net_effect: z.number().finite().min(-1).max(1),
    ci: z.tuple([z.number().finite().min(-1).max(1), z.number().finite().min(-1).max(1)]),
    confidence: z.number().gt(0.5).lt(1),
    gross_rate: fraction,
    participants: z.number().int().min(1),
    subgroups: z.array(subgroupSchema).optional(),
    source: z.string().min(1),
  })
  .strict()
  .refine((e) => e.ci[0] <= e.net_effect && e.net_effect <= e.ci[1], { message: 'ci must contain net_effect', path: ['ci'] })
  .refine((e) => e.net_effect <= e.gross_rate, { message: 'net_effect cannot exceed gross_rate (the control share would be negative)', path: ['net_effect'] })
  .refine((e) => !e.subgroups || e.subgroups.length === 0 || Math.abs(e.subgroups.reduce((s, g) => s + g.share_of_participants, 0) - 1) <= 0.011, {
    message: 'subgroup shares of participants must sum to 1',
    path: ['subgroups'],
  });

const timedShare = z.object({ year: z.number().int().min(0).max(100), share: fraction }).strict();

const sumsToOne = (items: readonly { share: number }[]): boolean => Math.abs(items.reduce((s, i) => s + i.share, 0) - 1) <= 1e-9;

const tierSchema = z.object({ from_gross_rate: fraction, price_per_gross_employed: money }).strict();

export const PAYMENT_DEFAULTS = {
  investor_share_of_surplus: 0.5,
  subgroup_rule: 'equal_payment_per_participant' as SubgroupRule,
  schedule: [{ year: 0, share: 1 }],
  months_from_outlay_to_payment: 12,
};

export const paymentSchema = z
  .object({
    investor_share_of_surplus: fraction.default(PAYMENT_DEFAULTS.investor_share_of_surplus),
    subgroup_rule: z.enum(SUBGROUP_RULES).default(PAYMENT_DEFAULTS.subgroup_rule),
    price_cap_per_gross_employed: money.optional(),
    payment_cap_per_participant: money.optional(),
    tiers: z
      .array(tierSchema)
      .min(1)
      .refine((t) => t[0]?.from_gross_rate === 0, { message: 'the first tier must start at from_gross_rate 0' })
      .refine((t) => t.every((x, i) => i === 0 || x.from_gross_rate > t[i - 1]!.from_gross_rate), { message: 'tiers must be in increasing from_gross_rate order' })
      .optional(),
    schedule: z.array(timedShare).min(1).refine(sumsToOne, { message: 'payment schedule shares must sum to 1' }).default(PAYMENT_DEFAULTS.schedule),
    months_from_outlay_to_payment: z.number().finite().min(0).max(120).default(PAYMENT_DEFAULTS.months_from_outlay_to_payment),
  })
  .strict();

const rangeSchema = z.tuple([z.number().finite(), z.number().finite()]).refine((r) => r[0] <= r[1], { message: 'a range is [low, high] with low <= high' });

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'scenario ids are snake_case'),
    label: z.string().min(1),
    overrides: z.record(z.string(), z.union([z.number().finite(), z.string()])),
  })
  .strict();

/** Published figures to compare the model with (all optional; per participant, present value). */
export const catalogueReferenceSchema = z
  .object({
    source: z.string().min(1),
    municipal_saving_per_participant: z.number().optional(),
    provider_cost_per_participant: z.number().optional(),
    surplus_per_participant: z.number().optional(),
    socio_economic_surplus_per_participant: z.number().optional(),
    investor_share_amount: z.number().optional(),
    payment_per_participant: z.number().optional(),
    payment_per_gross_employed: z.number().optional(),
    investor_return: z.number().optional(),
    investor_break_even_gross_rate: z.number().optional(),
    break_even_annual_decay: z.number().optional(),
    break_even_effort_saving_share: z.number().optional(),
    break_even_net_effect: z.number().optional(),
    years_to_municipal_break_even: z.number().optional(),
    payment_per_gross_employed_by_subgroup: z.record(z.string(), z.number()).optional(),
  })
  .strict();

export const calibrationNoteSchema = z
  .object({
    parameter: z.string().min(1),
    value: z.union([z.number(), z.string()]),
    reason: z.string().min(1),
  })
  .strict();

export const economicsParametersSchema = z
  .object({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    price_year: z.number().int().min(1990).max(2100),
    currency: z.literal('DKK').default('DKK'),
    costs: z
      .object({
        provider_cost_per_participant: money,
        municipal_referral_cost_per_participant: money.default(0),
        municipal_follow_up_cost_per_participant: money.default(0),
      })
      .strict(),
    ordinary_effort: z
      .object({
        cost_per_participant: money,
        saving_share: fraction,
      })
      .strict(),
    yearly_gain_per_additional_employed: z
      .object({
        saved_transfer_income: money,
        extra_municipal_income_tax: money,
      })
      .strict(),
    effect_path: z
      .object({
        constant_years: z.number().int().min(0).max(100),
        annual_decay: fraction,
      })
      .strict(),
    horizon_years: z.number().int().min(1).max(100),
    discounting: z
      .object({
        schedule: z.enum(DISCOUNT_SCHEDULES),
        custom_rate: z.number().finite().gt(-0.5).lt(1).optional(),
      })
      .strict()
      .refine((d) => d.schedule !== 'custom' || d.custom_rate !== undefined, { message: 'custom_rate is required when schedule is "custom"', path: ['custom_rate'] }),
    socio_economic: z
      .object({
        production_value_per_employed_year: money,
        tax_distortion: z.union([z.enum(['fm2017', 'fm2023']), fraction]).default('fm2017'),
        net_tax_factor: z.number().finite().min(1).max(2).default(1.28),
      })
      .strict(),
    payment: paymentSchema.default(paymentSchema.parse({})),
    assumed_effect: effectSchema.optional(),
    uncertainty: z
      .object({
        draws: z.number().int().min(100).max(10_000_000).default(100_000),
        seed: z.number().int().min(0).max(4294967295).default(20240601),
        histogram_bins: z.number().int().min(5).max(200).default(40),
      })
      .strict()
      .default({ draws: 100_000, seed: 20240601, histogram_bins: 40 }),
    sensitivity: z
      .object({
        /** Relative ±range for amounts without an explicit range. */
        relative_range: z.number().gt(0).lt(1).default(0.25),
        /** parameter path → [low, high] */
        ranges: z.record(z.string(), rangeSchema).default({}),
      })
      .strict()
      .default({ relative_range: 0.25, ranges: {} }),
    scenarios: z.array(scenarioSchema).default([]),
    catalogue_reference: catalogueReferenceSchema.optional(),
    calibration: z.array(calibrationNoteSchema).optional(),
  })
  .strict();

export type EconomicsParameters = z.infer<typeof economicsParametersSchema>;
export type EconomicsParametersInput = z.input<typeof economicsParametersSchema>;
export type PaymentParameters = z.infer<typeof paymentSchema>;
export type CatalogueReference = z.infer<typeof catalogueReferenceSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;

/** The effect fed into the model (shares as fractions, e.g. 0.18). */
export interface EffectInput {
  readonly net_effect: number;
  readonly ci: readonly [number, number];
  readonly confidence: number;
  readonly gross_rate: number;
  readonly participants: number;
  readonly subgroups?: readonly SubgroupInput[];
  readonly source: string;
}

export interface SubgroupInput {
  readonly id: string;
  readonly label: string;
  readonly share_of_participants: number;
  readonly gross_rate: number;
  readonly net_effect?: number;
}
