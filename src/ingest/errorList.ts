import { EffektError, formatLocated, type SourceLocation } from '../errors.js';

/** A value from a file as it appears in a message: in double quotes, control characters escaped, long values cut. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
}

/** Messages are single lines: any line break or control character that slipped in is escaped. */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** At most this many hard errors are listed; the rest are counted (issue 4). */
export const MAX_LISTED_ERRORS = 20;

/**
 * Collects the hard errors of one input file so a run reports many problems at once
 * instead of one per attempt: the first 20 in full, then a count.
 */
export class ErrorList {
  private readonly listed: { message: string; location: SourceLocation }[] = [];
  private total = 0;

  constructor(readonly file: string) {}

  add(message: string, line?: number, column?: number): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_ERRORS) {
      this.listed.push({ message: oneLine(message), location: { file: this.file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) } });
    }
  }

  /** Errors counted elsewhere (e.g. in a worker) whose messages were not kept. */
  addUnlisted(n: number): void {
    this.total += n;
  }

  get count(): number {
    return this.total;
  }

  /** Throws one EffektError (exit code 2): the first error as its message, the others as details. */
  throwIfAny(): void {
    const [first, ...rest] = this.listed;
    if (!first) return;
    const details = rest.map((e) => formatLocated(e.message, e.location));
    const hidden = this.total - this.listed.length;
    if (hidden > 0) details.push(`${this.file}: ${hidden} more error${hidden === 1 ? '' : 's'} not shown (${this.total} in total)`);
    throw new EffektError(first.message, { exitCode: 2, location: first.location, details });
  }
}
