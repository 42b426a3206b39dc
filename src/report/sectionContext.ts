import type { Formatter } from './format.js';
import type { Messages } from './messages/index.js';
import type { PublishedEvaluation } from './published.js';

/** What the optional sections (economics, progression) get to build their text and charts. */
export interface SectionContext {
  readonly m: Messages;
  readonly f: Formatter;
  readonly internal: boolean;
  /** The suppression threshold in force (0 when none). */
  readonly threshold: number;
  /** Absent for a note of the economic model alone (effekt economics --out). */
  readonly evaluation?: PublishedEvaluation;
}
