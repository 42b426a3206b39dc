import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { inputError } from '../errors.js';
import type { EffectInput } from './schema.js';

const outcomeSchema = z.object({
  difference: z.object({ estimate: z.number().finite(), ci: z.tuple([z.number().finite(), z.number().finite()]) }),
  participants: z.object({ share: z.number().min(0).max(1), n: z.number().int().min(1) }),
});

const effectFileSchema = z.object({
  confidence: z.number().gt(0.5).lt(1),
  outcomes: z.record(z.string(), z.unknown()),
  economics: z.object({ paying_outcome: z.string().optional() }).optional(),
});

/**
 * The paying outcome's measured effect from the pipeline's effect.json:
 * `outcomes.<id>.difference.{estimate, ci}`, `outcomes.<id>.participants.{share, n}` and
 * `confidence`. The outcome is `economics.paying_outcome` in the file, else `outcomeId`,
 * else `ordinary_employment`.
 */
export function effectFromEffectJson(json: unknown, file: string, outcomeId?: string): EffectInput {
  const top = effectFileSchema.safeParse(json);
  if (!top.success) {
    const i = top.error.issues[0]!;
    throw inputError(`not an effect.json: ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`, { file });
  }
  const id = top.data.economics?.paying_outcome ?? outcomeId ?? 'ordinary_employment';
  const raw = top.data.outcomes[id];
  if (raw === undefined) {
    const known = Object.keys(top.data.outcomes).join(', ') || 'none';
    throw inputError(`outcome "${id}" is not in the effect file (outcomes: ${known})`, { file });
  }
  const o = outcomeSchema.safeParse(raw);
  if (!o.success) {
    const i = o.error.issues[0]!;
    throw inputError(`outcomes.${id}.${i.path.map(String).join('.')}: ${i.message}`, { file });
  }
  const { difference, participants } = o.data;
  return {
    net_effect: difference.estimate,
    ci: [difference.ci[0], difference.ci[1]],
    confidence: top.data.confidence,
    gross_rate: participants.share,
    participants: participants.n,
    source: `${file}#outcomes.${id}`,
  };
}

export function readEffectJson(path: string, outcomeId?: string, readText: (p: string) => string = (p) => readFileSync(p, 'utf8')): EffectInput {
  let text: string;
  try {
    text = readText(path);
  } catch {
    throw inputError('cannot read the effect file (does it exist?)', { file: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw inputError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { file: path });
  }
  return effectFromEffectJson(json, path, outcomeId);
}
