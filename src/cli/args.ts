import { parseArgs } from 'node:util';
import { EffektError } from '../errors.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** node:util parseArgs, with its errors turned into one-line usage errors (exit 2). */
export function parseCommandArgs(command: string, args: readonly string[], options: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  // A negative number (e.g. a mistyped count `-1/10`) is an argument to validate, not an
  // unknown option: hide it from parseArgs and restore it among the positionals.
  const hidden = new Map<string, string>();
  const masked = args.map((a, i) => {
    if (!/^-\d/.test(a)) return a;
    const token = `\u0000arg${i}`;
    hidden.set(token, a);
    return token;
  });
  try {
    const { values, positionals } = parseArgs({ args: masked, options: { ...options }, allowPositionals: true, strict: true });
    // Restored in option values too: `--seed -5` gives the seed -5.
    const restore = (v: string | boolean): string | boolean => (typeof v === 'string' ? (hidden.get(v) ?? v) : v);
    const restored = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.map(restore) : v === undefined ? v : restore(v)]));
    return { values: restored as ParsedArgs['values'], positionals: positionals.map((p) => hidden.get(p) ?? p) };
  } catch (e) {
    const msg = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw new EffektError(`${command}: ${msg} (see effekt ${command} --help)`, { exitCode: 2 });
  }
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** `--threads N`: threads that read large panels, a whole number ≥ 1; undefined when not given. */
export function threadsOption(parsed: ParsedArgs, command: string): number | undefined {
  const raw = stringOption(parsed, 'threads');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !(n >= 1)) throw new EffektError(`${command}: --threads must be a whole number ≥ 1, not "${raw}"`, { exitCode: 2 });
  return n;
}
