import { EffektError, formatLocated, type SourceLocation } from '../errors.js';

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
      this.listed.push({ message, location: { file: this.file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) } });
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
