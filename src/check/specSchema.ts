/**
 * The spec's `targets` and `cohorts` sections (issue 7), validated with zod like the rest
 * of the spec; src/spec/schema.ts adds them as two optional fields. Shares are fractions
 * (0.30, not 30). docs/automation.md documents every field; keep the two in step.
 */
import { z } from 'zod';
import { STATUS_CATEGORIES } from '../types.js';

const localizedText = z.union([z.string(), z.object({ da: z.string(), en: z.string() }).strict()]);
const fraction = z.number().finite().min(0).max(1);
const outcomeRef = z.string().min(1);
const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are snake_case');

/**
 * Where a target applies when the spec has cohorts: the pooled cohort (the whole spec),
 * each cohort, or both. Without cohorts only the pooled cohort exists.
 */
export const TARGET_SCOPES = ['pooled', 'cohorts', 'all'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

const base = {
  id: snakeId.optional(),
  description: localizedText.optional(),
  scope: z.enum(TARGET_SCOPES).default('pooled'),
};

export const SIGNIFICANCE_TESTS = ['fisher', 'fisher_mid', 'fisher_holm', 'z', 'z_corrected', 'boschloo'] as const;
export type SignificanceTest = (typeof SIGNIFICANCE_TESTS)[number];

export const INPUT_ROLES = ['participants', 'controls', 'benefits', 'wages'] as const;

/** Exclusion reasons that are part of the design, not a data problem (docs/automation.md). */
export const BENIGN_EXCLUSIONS = ['person_not_in_cohort', 'outside_follow_up_month', 'blank_week'] as const;

export const targetSchema = z.discriminatedUnion('kind', [
  /** Share of a group whose status is in an outcome (or in the listed categories): ≥ min, or ≤ max. */
  z
    .object({
      kind: z.literal('share'),
      outcome: outcomeRef.optional(),
      categories: z.array(z.enum(STATUS_CATEGORIES)).min(1).optional(),
      group: z.enum(['participants', 'controls']).default('participants'),
      min: fraction.optional(),
      max: fraction.optional(),
      ...base,
    })
    .strict()
    .refine((t) => (t.outcome === undefined) !== (t.categories === undefined), { message: 'a share target names either an outcome or categories', path: ['outcome'] })
    .refine((t) => (t.min === undefined) !== (t.max === undefined), { message: 'a share target needs either min or max (one target per bound)', path: ['min'] }),
  /** Net effect (participants − controls, as a fraction) ≥ min. */
  z.object({ kind: z.literal('net_effect'), outcome: outcomeRef, min: z.number().finite().min(-1).max(1), ...base }).strict(),
  /** Lower bound of the net effect's interval (the evaluation's method and level) > above. */
  z.object({ kind: z.literal('ci_lower'), outcome: outcomeRef, above: z.number().finite().min(-1).max(1).default(0), ...base }).strict(),
  /** p < alpha by the named test; with direction `better` the participants' share must also be higher. */
  z
    .object({
      kind: z.literal('significance'),
      outcome: outcomeRef,
      test: z.enum(SIGNIFICANCE_TESTS).default('fisher'),
      alpha: z.number().gt(0).lt(1).default(0.05),
      direction: z.enum(['better', 'any']).default('better'),
      ...base,
    })
    .strict(),
  /** Group size ≥ min (effective_controls: Kish's effective size of the weighted controls). */
  z.object({ kind: z.literal('group_size'), group: z.enum(['participants', 'controls', 'effective_controls']), min: z.number().int().min(0), ...base }).strict(),
  /** Share of input rows excluded for data-quality reasons ≤ max (benign reasons are not counted). */
  z
    .object({
      kind: z.literal('excluded_rows'),
      max: fraction,
      files: z.array(z.enum(INPUT_ROLES)).min(1).optional(),
      /** Count only these reasons (default: every reason except the benign ones). */
      reasons: z.array(z.string().min(1)).min(1).optional(),
      ...base,
    })
    .strict(),
  /** Share of cohort persons who could not be classified at follow-up ≤ max. */
  z.object({ kind: z.literal('excluded_persons'), max: fraction, ...base }).strict(),
  /** Rows with benefit codes the codebook does not know ≤ max (default 0). */
  z.object({ kind: z.literal('unknown_codes'), max: z.number().int().min(0).default(0), ...base }).strict(),
]);
export type TargetSpec = z.infer<typeof targetSchema>;
export type TargetKind = TargetSpec['kind'];

const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is yyyy-mm');
const dateText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date is yyyy-mm-dd');

/**
 * A cohort is a subset of the spec's persons (one ingest, so the pooled result is exactly
 * the whole evaluation). Participants match when every given condition holds; a control
 * belongs to the cohort of the participant it is matched to, else the conditions it has
 * data for are applied (intake dates are participants-only, so they do not filter
 * unmatched controls).
 */
export const cohortSchema = z
  .object({
    id: snakeId,
    label: localizedText.optional(),
    municipality: z.array(z.string().min(1)).min(1).optional(),
    /** Intake: the participant's start_date, inclusive. */
    intake_from: dateText.optional(),
    intake_to: dateText.optional(),
    /** The person's follow-up month, inclusive. */
    follow_up_from: monthText.optional(),
    follow_up_to: monthText.optional(),
    /** covariate column → accepted values (compared as text). */
    where: z.record(z.string(), z.array(z.union([z.string(), z.number()])).min(1)).optional(),
  })
  .strict()
  .refine((c) => c.municipality || c.intake_from || c.intake_to || c.follow_up_from || c.follow_up_to || c.where, {
    message: 'a cohort needs at least one condition (municipality, intake_from/to, follow_up_from/to or where)',
  });
export type CohortSpec = z.infer<typeof cohortSchema>;
