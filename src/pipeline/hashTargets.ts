/**
 * The files a run's provenance records, in order: the spec, the codebook, the four register
 * files, then the questionnaire, BIP configuration and economics parameters when the spec
 * names them. One function for the validated spec (evaluate) and for the spec's bare JSON
 * (hashAhead, which starts hashing before the CLI is loaded), so both list the same files.
 */
import { resolve } from 'node:path';

export interface HashTarget {
  readonly role: string;
  readonly path: string;
  readonly display: string;
}

type FileRef = string | { readonly path: string };

/** What of a spec names files: a structural part of Spec. */
export interface SpecFiles {
  readonly inputs: {
    readonly participants: FileRef;
    readonly controls: FileRef;
    readonly benefits: FileRef;
    readonly wages: FileRef;
    readonly questionnaire?: FileRef | undefined;
  };
  readonly codebook: string;
  readonly progression?: { readonly bip_items: string } | undefined;
  readonly economics?: { readonly parameters: string } | undefined;
}

const REGISTERS = ['participants', 'controls', 'benefits', 'wages'] as const;

/** The files of the spec at `specPath` (relative paths resolved against `dir`, its folder). */
export function hashTargets(spec: SpecFiles, specPath: string, dir: string): HashTarget[] {
  const file = (role: string, ref: FileRef): HashTarget => {
    const display = typeof ref === 'string' ? ref : ref.path;
    return { role, path: resolve(dir, display), display };
  };
  const targets: HashTarget[] = [{ role: 'spec', path: specPath, display: specPath.split(/[\\/]/).pop() ?? 'spec.json' }, file('codebook', spec.codebook)];
  for (const role of REGISTERS) targets.push(file(role, spec.inputs[role]));
  if (spec.inputs.questionnaire !== undefined) targets.push(file('questionnaire', spec.inputs.questionnaire));
  if (spec.progression) targets.push(file('bip_items', spec.progression.bip_items));
  if (spec.economics) targets.push(file('economics_parameters', spec.economics.parameters));
  return targets;
}

/**
 * The file-naming part of a spec's bare JSON, or null when it does not have the shape the
 * schema requires of it (the run then stops at the spec's own validation).
 */
export function specFilesOf(json: unknown): SpecFiles | null {
  const o = objectOf(json);
  const inputs = objectOf(o?.['inputs']);
  if (!o || !inputs || !isPath(o['codebook'])) return null;
  for (const role of REGISTERS) if (!isRef(inputs[role])) return null;
  if (inputs['questionnaire'] !== undefined && !isRef(inputs['questionnaire'])) return null;
  for (const [key, field] of [['progression', 'bip_items'], ['economics', 'parameters']] as const) {
    if (o[key] === undefined) continue;
    if (!isPath(objectOf(o[key])?.[field])) return null;
  }
  return o as unknown as SpecFiles;
}

function objectOf(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

const isPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isRef = (v: unknown): boolean => isPath(v) || isPath(objectOf(v)?.['path']);
