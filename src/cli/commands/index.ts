/**
 * The command registry. Each command lives in its own file in this folder and is
 * registered here with its one-line summary (shown by `effekt --help`).
 */
import type { Command } from '../io.js';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'run', summary: 'evaluate a cohort from its spec and write the effect note', load: async () => (await import('./run.js')).runCommand },
  { name: 'compare', summary: 'compare two shares (x1/n1 vs x2/n2): intervals, z, Fisher, Boschloo, RR, OR — matches R', load: async () => (await import('./compare.js')).compareCommand },
  { name: 'power', summary: 'power or minimum detectable effect for two shares with unequal group sizes', load: async () => (await import('./power.js')).powerCommand },
  { name: 'economics', summary: 'run the economic and payment model alone (plan a deal from an assumed or measured effect)', load: async () => (await import('./economics.js')).economicsCommand },
  { name: 'check', summary: 'test the spec\'s targets on the cohort: verdict, JSON, JUnit XML; exit 0 met, 1 not met', load: async () => (await import('./check.js')).checkCommand },
  { name: 'statement', summary: 'the outcome payment statement for a period (e.g. --period 2023-Q2): counts, amounts due, caps', load: async () => (await import('./statement.js')).statementCommand },
  { name: 'plan', summary: 'before a deal: minimum detectable effect and participants needed for a planned cohort', load: async () => (await import('./plan.js')).planCommand },
];
