/**
 * The evaluation spec (`evaluation.json`), validated at the boundary with zod.
 * Paths in the spec are relative to the spec file. Field names are snake_case, like
 * the JSON outputs. The README documents every field; keep the two in step.
 */
import { z } from 'zod';
import { STATUS_CATEGORIES } from '../types.js';
import { cohortSchema, targetSchema } from '../check/specSchema.js';

export const csvOptionsSchema = z
  .object({
    delimiter: z.enum([',', ';', '\t', 'auto']).default('auto'),
    encoding: z.enum(['utf-8', 'windows-1252', 'latin1', 'auto']).default('auto'),
    decimal: z.enum(['.', ',', 'auto']).default('auto'),
    date_format: z.enum(['yyyy-mm-dd', 'dd-mm-yyyy', 'dd.mm.yyyy', 'auto']).default('auto'),
  })
  .strict();
export type CsvOptions = z.infer<typeof csvOptionsSchema>;

export const inputFileSchema = z.union([
  z.string().min(1),
  z
    .object({
      path: z.string().min(1),
      csv: csvOptionsSchema.partial().optional(),
      /** canonical column name → column name in this file */
      columns: z.record(z.string(), z.string()).optional(),
    })
    .strict(),
]);
export type InputFileSpec = z.infer<typeof inputFileSchema>;

const localizedText = z.union([z.string(), z.object({ da: z.string(), en: z.string() }).strict()]);

export const outcomeDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'outcome ids are snake_case'),
    label: localizedText.optional(),
    categories: z.array(z.enum(STATUS_CATEGORIES)).min(1),
  })
  .strict();
export type OutcomeDefinition = z.infer<typeof outcomeDefinitionSchema>;

export const DEFAULT_OUTCOMES: OutcomeDefinition[] = [
  {
    id: 'self_supporting_or_education',
    label: { da: 'Selvforsørgende eller i uddannelse', en: 'Self-supporting or in education' },
    categories: ['self_supporting_wage', 'self_supporting_unknown', 'education'],
  },
  {
    id: 'ordinary_employment',
    label: { da: 'Ordinær beskæftigelse', en: 'Ordinary employment' },
    categories: ['self_supporting_wage', 'wage_with_transfer'],
  },
];

export const specSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'name must be a file-name-safe word').optional(),
    title: localizedText.optional(),
    inputs: z
      .object({
        participants: inputFileSchema,
        controls: inputFileSchema,
        benefits: inputFileSchema,
        wages: inputFileSchema,
        questionnaire: inputFileSchema.optional(),
      })
      .strict(),
    codebook: z.string().min(1),
    /** What to do with benefit codes the codebook does not know. */
    unknown_codes: z.enum(['error', 'exclude_rows', 'none', 'temporary']).default('error'),
    follow_up: z
      .object({
        months_after_end: z.number().int().min(0).max(36).default(2),
      })
      .strict()
      .default({ months_after_end: 2 }),
    outcomes: z.array(outcomeDefinitionSchema).min(1).default(DEFAULT_OUTCOMES),
    subgroups: z.array(z.string()).default([]),
    confidence: z.number().gt(0.5).lt(1).default(0.95),
    progression: z
      .object({
        /** BIP item configuration (items, scale, direction, indicators). */
        bip_items: z.string().min(1),
        /** Whether progression enters the payment model; the catalogue decided not (docs/progression.md). */
        used_for_payment: z.boolean().default(false),
      })
      .strict()
      .optional(),
    economics: z
      .object({
        parameters: z.string().min(1),
        paying_outcome: z.string(),
      })
      .strict()
      .optional(),
    report: z
      .object({
        language: z.enum(['da', 'en']).default('da'),
        suppression_threshold: z.number().int().min(0).default(5),
      })
      .strict()
      .default({ language: 'da', suppression_threshold: 5 }),
    /** What `effekt check` verifies (docs/automation.md). */
    targets: z.array(targetSchema).default([]),
    /** Sub-cohorts evaluated beside the pooled whole (docs/automation.md). */
    cohorts: z.array(cohortSchema).default([]),
  })
  .strict();

export type Spec = z.infer<typeof specSchema>;
