import { readFileSync } from 'node:fs';
import { inputError } from '../errors.js';
import { locateJsonPath } from './jsonLocate.js';
import { isKnownPath } from './overrides.js';
import { economicsParametersSchema, type EconomicsParameters } from './schema.js';

/**
 * Read and validate an economics parameter file. Any problem is one EffektError (exit 2)
 * naming the file, the line and column of the offending value, and its JSON path, e.g.
 * `params.json:7:38: invalid economics parameters: costs.provider_cost_per_participant: ...`.
 */
export function loadEconomicsParameters(path: string, readText: (p: string) => string = (p) => readFileSync(p, 'utf8')): EconomicsParameters {
  let raw: string;
  try {
    raw = readText(path);
  } catch {
    throw inputError('cannot read the economics parameter file (does it exist?)', { file: path });
  }
  return parseEconomicsParameters(raw, path);
}

export function parseEconomicsParameters(raw: string, file: string): EconomicsParameters {
  const text = raw.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw inputError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  const fail = (where: readonly (string | number)[], message: string): never => {
    const at = locateJsonPath(text, where);
    const name = where.length ? where.map(String).join('.') : '(top level)';
    throw inputError(`invalid economics parameters: ${name}: ${message}`, { file, ...(at ?? {}) });
  };
  const parsed = economicsParametersSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    return fail(first.path as (string | number)[], `${first.message}${more}`);
  }
  const p = parsed.data;
  p.scenarios.forEach((s, i) => {
    for (const key of Object.keys(s.overrides)) if (!isKnownPath(key)) fail(['scenarios', i, 'overrides', key], 'unknown parameter path');
  });
  for (const key of Object.keys(p.sensitivity.ranges)) if (!isKnownPath(key)) fail(['sensitivity', 'ranges', key], 'unknown parameter path');
  p.payment.schedule.forEach((s, i) => {
    if (s.year > p.horizon_years) fail(['payment', 'schedule', i, 'year'], `payment year ${s.year} is after the horizon (${p.horizon_years} years)`);
  });
  return p;
}
