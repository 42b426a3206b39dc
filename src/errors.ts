/**
 * The one error type for user-facing failures (Observable Framework's CLI style):
 * it carries the exit code and, where known, the location in an input file, so the
 * CLI can print exactly one line `effekt: <file>:<line>[:<column>]: <what>` and exit.
 * Anything that is not an EffektError is a bug and may show a stack trace.
 */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export class EffektError extends Error {
  readonly exitCode: number;
  readonly location: SourceLocation | undefined;
  /** Further errors of the same run (e.g. the first 20 validation errors), each a full line. */
  readonly details: readonly string[];

  constructor(message: string, options: { exitCode?: number; location?: SourceLocation; details?: readonly string[] } = {}) {
    super(message);
    this.name = 'EffektError';
    this.exitCode = options.exitCode ?? 2;
    this.location = options.location;
    this.details = options.details ?? [];
  }

  /** The line printed on stderr, without the `effekt: ` prefix. */
  get line(): string {
    return formatLocated(this.message, this.location);
  }
}

export function formatLocated(message: string, location?: SourceLocation): string {
  if (!location) return message;
  let where = location.file;
  if (location.line !== undefined) where += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) where += `:${location.column}`;
  return `${where}: ${message}`;
}

/** An input or spec problem: exit code 2. */
export function inputError(message: string, location?: SourceLocation, details?: readonly string[]): EffektError {
  return new EffektError(message, { exitCode: 2, ...(location ? { location } : {}), ...(details ? { details } : {}) });
}
