import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { inputError } from '../errors.js';
import { specSchema, type InputFileSpec, type Spec } from './schema.js';

export interface ResolvedInput {
  readonly path: string;
  /** As written in the spec, for messages and provenance. */
  readonly display: string;
  readonly csv: NonNullable<Exclude<InputFileSpec, string>['csv']>;
  readonly columns: Readonly<Record<string, string>>;
}

export interface LoadedSpec {
  readonly spec: Spec;
  readonly path: string;
  readonly dir: string;
  readonly name: string;
  readonly raw: string;
}

/** Read, parse and validate a spec file; any problem is an EffektError naming the file. */
export function loadSpec(path: string, readText: (p: string) => string = (p) => readFileSync(p, 'utf8')): LoadedSpec {
  let raw: string;
  try {
    raw = readText(path);
  } catch {
    throw inputError('cannot read the spec file (does it exist?)', { file: path });
  }
  return parseSpec(raw, path);
}

export function parseSpec(raw: string, path: string): LoadedSpec {
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw inputError(`not valid JSON: ${msg}`, { file: path });
  }
  const parsed = specSchema.safeParse(json);
  if (!parsed.success) throw inputError(`invalid spec: ${describeZodError(parsed.error)}`, { file: path });
  const spec = parsed.data;
  const outcomeIds = new Set(spec.outcomes.map((o) => o.id));
  if (outcomeIds.size !== spec.outcomes.length) throw inputError('invalid spec: outcome ids must be unique', { file: path });
  if (spec.economics && !outcomeIds.has(spec.economics.paying_outcome)) {
    throw inputError(`invalid spec: economics.paying_outcome "${spec.economics.paying_outcome}" is not one of the outcomes`, { file: path });
  }
  const name = spec.name ?? basename(dirname(resolve(path)));
  return { spec, path, dir: dirname(resolve(path)), name, raw };
}

export function resolveInput(loaded: LoadedSpec, input: InputFileSpec): ResolvedInput {
  const rel = typeof input === 'string' ? input : input.path;
  return {
    path: resolve(loaded.dir, rel),
    display: rel,
    csv: typeof input === 'string' ? {} : (input.csv ?? {}),
    columns: typeof input === 'string' ? {} : (input.columns ?? {}),
  };
}

/** One line: the first issue with its JSON path, e.g. `report.language: expected "da" | "en"`. */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'unknown problem';
  const where = first.path.length ? first.path.map(String).join('.') : '(top level)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}
