/**
 * The BIP item list (which questionnaire columns, which indicator each belongs to, its
 * Likert scale and whether agreeing is good or bad) is data, not code: BIP
 * (Beskæftigelsesindikatorprojektet) questionnaires differ between projects and versions.
 * Validated with zod at the boundary; problems are input errors naming the file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { inputError } from '../errors.js';
import { WHO5_ITEMS } from './who5.js';

const localized = z.object({ da: z.string().min(1), en: z.string().min(1) }).strict();
const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids and column names are snake_case');

export const likertScaleSchema = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    /** Optional anchor labels, one per scale point from min to max. */
    labels: z.object({ da: z.array(z.string()), en: z.array(z.string()) }).strict().optional(),
  })
  .strict()
  .refine((s) => s.max > s.min, { message: 'scale.max must be greater than scale.min' })
  .refine((s) => !s.labels || (s.labels.da.length === s.max - s.min + 1 && s.labels.en.length === s.max - s.min + 1), {
    message: 'scale.labels must have one label per scale point',
  });

export const bipConfigSchema = z
  .object({
    $comment: z.string().optional(),
    name: z.string().min(1),
    /** Scale of every item that does not give its own. */
    scale: likertScaleSchema,
    indicators: z
      .array(
        z
          .object({
            id: snakeId,
            label: localized,
            /** Shown by research to predict job chances (the catalogue's three). */
            job_predictive: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1),
    items: z
      .array(
        z
          .object({
            column: snakeId,
            indicator: snakeId,
            label: localized,
            /** higher_is_better: a higher answer is progress; lower_is_better: reverse-worded item. */
            direction: z.enum(['higher_is_better', 'lower_is_better']),
            scale: likertScaleSchema.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const reserved = new Set<string>(['person_id', 'wave', 'date', 'nonresponse_reason', ...WHO5_ITEMS.map((i) => i.column)]);
    const indicatorIds = new Set<string>();
    cfg.indicators.forEach((ind, i) => {
      if (indicatorIds.has(ind.id)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `indicator ${ind.id} is listed twice` });
      indicatorIds.add(ind.id);
    });
    const columns = new Set<string>();
    cfg.items.forEach((item, i) => {
      if (columns.has(item.column)) ctx.addIssue({ code: 'custom', path: ['items', i, 'column'], message: `column ${item.column} is listed twice` });
      if (reserved.has(item.column)) ctx.addIssue({ code: 'custom', path: ['items', i, 'column'], message: `column ${item.column} is reserved` });
      columns.add(item.column);
      if (!indicatorIds.has(item.indicator)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'indicator'], message: `unknown indicator ${item.indicator}` });
      }
    });
    cfg.indicators.forEach((ind, i) => {
      if (!cfg.items.some((item) => item.indicator === ind.id)) {
        ctx.addIssue({ code: 'custom', path: ['indicators', i], message: `indicator ${ind.id} has no items` });
      }
    });
  });

export type BipConfig = z.infer<typeof bipConfigSchema>;
export type BipItem = BipConfig['items'][number];
export type BipIndicator = BipConfig['indicators'][number];
export type LikertScale = z.infer<typeof likertScaleSchema>;

/** The scale of an item: its own, else the config's default. */
export function itemScale(config: BipConfig, item: BipItem): LikertScale {
  return item.scale ?? config.scale;
}

/** Validates a parsed config object; `display` names the file in messages. */
export function parseBipConfig(raw: unknown, display: string): BipConfig {
  const result = bipConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`);
  throw inputError(`invalid BIP item configuration: ${lines[0]}`, { file: display }, lines.slice(1).map((l) => `${display}: ${l}`));
}

/** Reads and validates the BIP item configuration (JSON). */
export function loadBipConfig(path: string, display: string = path): BipConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw inputError(`cannot read BIP item configuration (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { file: display });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw inputError(`BIP item configuration is not valid JSON: ${(err as Error).message}`, { file: display });
  }
  return parseBipConfig(raw, display);
}
