/**
 * Codebook files: JSON mapping benefit codes to the category classes of domain.md §3,
 * validated with zod. Exact codes win over ranges; ranges apply to all-digit codes and
 * the first matching range wins. A blank code is always class `none`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { inputError } from '../errors.js';
import { describeZodError } from '../spec/load.js';
import { oneLine, shown } from './errorList.js';
import { CATEGORY_CLASSES, type CategoryClass } from '../types.js';
import type { Codebook, CodebookEntry } from './types.js';

const label = z.object({ da: z.string(), en: z.string() }).strict();

export const codebookSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    codes: z.array(
      z
        .object({
          code: z.union([z.string(), z.number().int().nonnegative()]).transform((c) => String(c).trim()).pipe(z.string().min(1, 'a code must not be blank (blank always means no public benefit)')),
          label,
          class: z.enum(CATEGORY_CLASSES),
        })
        .strict(),
    ),
    ranges: z
      .array(
        z
          .object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative(), class: z.enum(CATEGORY_CLASSES), label: label.optional() })
          .strict()
          .refine((r) => r.from <= r.to, 'from must not exceed to'),
      )
      .optional(),
  })
  .strict();

export function loadCodebook(path: string, display: string): Codebook {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw inputError(`cannot read codebook (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unknown error')})`, { file: display });
  }
  return parseCodebook(raw, display);
}

export function parseCodebook(raw: string, display: string): Codebook {
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw inputError(oneLine(`codebook is not valid JSON: ${e instanceof Error ? e.message : String(e)}`), { file: display });
  }
  const parsed = codebookSchema.safeParse(json);
  if (!parsed.success) throw inputError(oneLine(`invalid codebook: ${describeZodError(parsed.error)}`), { file: display });
  const codes = new Map<string, CodebookEntry>();
  for (const c of parsed.data.codes) {
    if (codes.has(c.code)) throw inputError(`invalid codebook: code ${shown(c.code)} is listed twice`, { file: display });
    codes.set(c.code, { class: c.class, label: c.label });
  }
  const ranges = (parsed.data.ranges ?? []).map((r) => ({ from: r.from, to: r.to, class: r.class, ...(r.label ? { label: r.label } : {}) }));
  return { name: parsed.data.name, codes, ranges };
}

const DIGITS = /^\d+$/;

/** The class of a (trimmed) code, or undefined when the codebook does not know it. */
export function classifyCode(codebook: Codebook, code: string): CategoryClass | undefined {
  if (code === '') return 'none';
  const exact = codebook.codes.get(code);
  if (exact) return exact.class;
  if (codebook.ranges.length && DIGITS.test(code)) {
    const n = Number(code);
    for (const r of codebook.ranges) if (n >= r.from && n <= r.to) return r.class;
  }
  return undefined;
}
