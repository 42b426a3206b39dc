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
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...options }, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
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
