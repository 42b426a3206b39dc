import type { OutcomeDefinition } from '../spec/schema.js';
import type { PersonOutcome } from '../types.js';
import { formatMonth } from '../util/months.js';
import { buildLedger, type Ledger, type PeriodLedger } from './ledger.js';
import { periodsBetween, type Period } from './period.js';
import { protectSeries, type SeriesProtection } from './protect.js';
import type { PaymentTerms } from './terms.js';

/** A published count: the number, "<T" (1…T−1 persons) or ".." (hidden so a "<T" cannot be worked out). */
export type Count = number | string;

export interface StatementLine {
  readonly id: string;
  readonly label: string;
  /** DKK per result. */
  readonly price: number;
  readonly results: Count;
  /** DKK; null where the count is suppressed (price × amount would reveal it). */
  readonly amount: number | null;
}

/** The outcome payment statement for one period (snake_case: it is JSON output). */
export interface Statement {
  readonly schema_version: 1;
  /** internal: exact figures for the parties and the auditor, NOT FOR PUBLICATION. */
  readonly version: 'published' | 'internal';
  readonly name: string;
  readonly title: { readonly da: string; readonly en: string };
  readonly period: { readonly id: string; readonly first_month: string; readonly last_month: string };
  readonly currency: 'DKK';
  readonly price_year: number;
  readonly contract: {
    readonly paying_outcome: string;
    readonly paying_label: { readonly da: string; readonly en: string };
    readonly subgroup_rule: string | null;
    readonly prices: readonly { readonly id: string; readonly label: string; readonly price: number }[];
    readonly tiers: PaymentTerms['tiers'];
    readonly cap_per_participant: number | null;
    /** participants × cap per participant. */
    readonly cap_total: number | null;
    readonly participants_basis: number;
    readonly schedule: PaymentTerms['schedule'];
  };
  /** Participants whose follow-up month falls in the period (counted, never listed). */
  readonly participants_followed_up: Count;
  readonly outcomes: readonly { readonly id: string; readonly label: { readonly da: string; readonly en: string }; readonly paying: boolean; readonly reached: Count }[];
  readonly lines: readonly StatementLine[];
  readonly subtotal: number | null;
  /** ≤ 0: the cap, or the tiers' marginal prices, against the subtotal. */
  readonly adjustment: number | null;
  readonly amount_due: number | null;
  /** The amount due split over the contract's payment years (when it has more than one). */
  readonly schedule_split: readonly { readonly year: number; readonly share: number; readonly amount: number | null }[] | null;
  /** Results and amount from the first period to the end of this one; internal version only. */
  readonly to_date: { readonly results: number; readonly amount: number; readonly gross_rate: number; readonly cap_remaining: number | null } | null;
  readonly whole_cohort: {
    readonly participants: Count;
    readonly results: Count;
    /** Σ of every period's amount due (exactly, in øre). */
    readonly amount: number | null;
    /** The economic model's whole-cohort nominal payment, unrounded. */
    readonly economics_amount: number;
    /** amount − economics_amount: prices rounded to whole øre. */
    readonly rounding_difference: number | null;
  };
  /** Every period of the series with its amount; internal version only. */
  readonly reconciliation: {
    readonly periods: readonly { readonly period: string; readonly participants: number; readonly results: number; readonly amount: number }[];
    readonly sum_of_periods: number;
    readonly equals_whole_cohort: boolean;
  } | null;
  readonly suppression: { readonly threshold: number; readonly applied: boolean; readonly unprotected: readonly string[] };
  readonly notes: readonly string[];
}

export interface StatementInput {
  readonly name: string;
  readonly title: { readonly da: string; readonly en: string };
  readonly persons: readonly PersonOutcome[];
  readonly outcomes: readonly OutcomeDefinition[];
  readonly outcomeLabels: Readonly<Record<string, { readonly da: string; readonly en: string }>>;
  readonly terms: PaymentTerms;
  readonly threshold: number;
  readonly unsuppressed: boolean;
}

/** The periods of this kind from the first participant's follow-up month to the last (and `include`). */
export function seriesFor(persons: readonly PersonOutcome[], kind: Period['kind'], include?: Period): Period[] {
  const months = persons.filter((o) => o.person.group === 'participant').map((o) => o.followUpMonth);
  if (include) months.push(include.first, include.last);
  if (months.length === 0) return [];
  return periodsBetween(kind, Math.min(...months), Math.max(...months));
}

/** Statements for every period of the series (one ledger and one suppression pattern for all). */
export function buildStatements(input: StatementInput, series: readonly Period[]): Statement[] {
  const ledger = buildLedger(input.persons, input.outcomes, input.terms, series);
  const protection = protectSeries(
    ledger,
    input.outcomes.map((o) => o.id),
    input.terms.paying_outcome,
    input.unsuppressed ? 0 : input.threshold,
  );
  return ledger.periods.map((p) => statementOf(input, ledger, p, protection));
}

/** The statement for one period; the series runs from the first follow-up month so running totals are complete. */
export function buildStatement(input: StatementInput, period: Period): Statement {
  const series = seriesFor(input.persons, period.kind, period);
  const all = buildStatements(input, series);
  return all.find((s) => s.period.id === period.id)!;
}

const dkk = (ore: number): number => ore / 100;

function statementOf(input: StatementInput, ledger: Ledger, p: PeriodLedger, protection: SeriesProtection): Statement {
  const { terms } = input;
  const id = p.period.id;
  const internal = input.unsuppressed;
  const count = (cellId: string, value: number): Count => {
    const st = protection.status(cellId);
    return st === 'shown' ? value : st === 'primary' ? `<${input.threshold}` : '..';
  };
  const manyLines = p.lines.length > 1;
  const lines: StatementLine[] = p.lines.map((l) => {
    const c = manyLines ? count(`${id}|line|${l.id}`, l.results) : count(`${id}|reached|${terms.paying_outcome}`, l.results);
    return { id: l.id, label: l.label, price: l.price, results: c, amount: typeof c === 'number' ? dkk(l.amount_ore) : null };
  });
  const allShown = lines.every((l) => l.amount !== null);
  const wholeShown = (v: number, cellId: string): Count => {
    const st = protection.status(cellId);
    return st === 'shown' ? v : `<${input.threshold}`;
  };
  const wholeResults = wholeShown(ledger.whole.results, `total|reached|${terms.paying_outcome}`);
  const sum = ledger.periods.reduce((s, x) => s + x.due_ore, 0);
  const notes = [...terms.notes, ...ledger.notes];
  if (!internal && !allShown) notes.push('amounts are not shown where their count is suppressed (amount = price × count); the internal version (--unsuppressed) has them for the parties and the auditor');
  if (protection.unprotected.length > 0) notes.push(`${protection.unprotected.length} suppressed cell(s) of the series could not be fully protected, because the whole-cohort totals are public; publish longer periods (--period all --by half or year) or only the internal version`);
  return {
    schema_version: 1,
    version: internal ? 'internal' : 'published',
    name: input.name,
    title: input.title,
    period: { id, first_month: formatMonth(p.period.first), last_month: formatMonth(p.period.last) },
    currency: 'DKK',
    price_year: terms.price_year,
    contract: {
      paying_outcome: terms.paying_outcome,
      paying_label: terms.paying_label,
      subgroup_rule: terms.subgroup_rule,
      prices: terms.lines.map((l) => ({ id: l.id, label: l.label, price: l.price })),
      tiers: terms.tiers,
      cap_per_participant: terms.cap_per_participant,
      cap_total: ledger.cap_ore === null ? null : dkk(ledger.cap_ore),
      participants_basis: terms.participants,
      schedule: terms.schedule,
    },
    participants_followed_up: count(`${id}|participants`, p.participants),
    outcomes: input.outcomes.map((o) => ({
      id: o.id,
      label: input.outcomeLabels[o.id] ?? { da: o.id, en: o.id },
      paying: o.id === terms.paying_outcome,
      reached: count(`${id}|reached|${o.id}`, p.reached[o.id] ?? 0),
    })),
    lines,
    subtotal: allShown ? dkk(p.subtotal_ore) : null,
    adjustment: allShown ? dkk(p.adjustment_ore) : null,
    amount_due: allShown ? dkk(p.due_ore) : null,
    schedule_split: terms.schedule.length > 1 ? scheduleSplit(terms.schedule, p.due_ore, allShown) : null,
    to_date: internal
      ? {
          results: p.to_date.results,
          amount: dkk(p.to_date.due_ore),
          gross_rate: p.to_date.gross_rate,
          cap_remaining: ledger.cap_ore === null ? null : dkk(ledger.cap_ore - p.to_date.due_ore),
        }
      : null,
    whole_cohort: {
      participants: wholeShown(ledger.whole.participants, 'total|participants'),
      results: wholeResults,
      amount: typeof wholeResults === 'number' ? dkk(ledger.whole.due_ore) : null,
      economics_amount: terms.economics_total,
      rounding_difference: typeof wholeResults === 'number' ? dkk(ledger.whole.due_ore) - terms.economics_total : null,
    },
    reconciliation: internal
      ? {
          periods: ledger.periods.map((x) => ({ period: x.period.id, participants: x.participants, results: x.lines.reduce((s, l) => s + l.results, 0), amount: dkk(x.due_ore) })),
          sum_of_periods: dkk(sum),
          equals_whole_cohort: sum === ledger.whole.due_ore,
        }
      : null,
    suppression: { threshold: input.threshold, applied: !internal && input.threshold > 1, unprotected: protection.unprotected },
    notes,
  };
}

/** The period's amount over the payment years, in whole øre; the last year takes the rounding remainder so the parts add up. */
function scheduleSplit(schedule: PaymentTerms['schedule'], dueOre: number, shown: boolean): { year: number; share: number; amount: number | null }[] {
  let left = dueOre;
  return schedule.map((s, i) => {
    const part = i === schedule.length - 1 ? left : Math.round(dueOre * s.share);
    left -= part;
    return { year: s.year, share: s.share, amount: shown ? dkk(part) : null };
  });
}
