import { nominalPayment } from '../economics/payment.js';
import type { OutcomeDefinition } from '../spec/schema.js';
import type { PersonOutcome, StatusCategory } from '../types.js';
import type { Period } from './period.js';
import { toOre, type PaymentTerms, type PriceLine } from './terms.js';

export interface LineLedger {
  readonly id: string;
  readonly label: string;
  /** DKK per result (whole øre). */
  readonly price: number;
  readonly results: number;
  /** price × results, in øre. */
  readonly amount_ore: number;
}

export interface PeriodLedger {
  readonly period: Period;
  /** Participants whose follow-up month falls in the period. */
  readonly participants: number;
  /** outcome id → participants in the outcome at follow-up. */
  readonly reached: Readonly<Record<string, number>>;
  readonly lines: readonly LineLedger[];
  readonly subtotal_ore: number;
  /** ≤ 0: what the cap (or the tiers' rounding) takes off the subtotal. */
  readonly adjustment_ore: number;
  readonly due_ore: number;
  readonly to_date: { readonly results: number; readonly due_ore: number; readonly gross_rate: number };
}

export interface Ledger {
  readonly periods: readonly PeriodLedger[];
  readonly whole: { readonly participants: number; readonly results: number; readonly due_ore: number };
  /** Whole-cohort cap in øre (participants × cap per participant), or null. */
  readonly cap_ore: number | null;
  readonly notes: readonly string[];
}

const UNPRICED = 'unpriced';

/**
 * The payment ledger over consecutive periods. Amounts accrue on the cumulative results:
 * C(t) = the contract's payment for the results to the end of period t, in whole øre, and the
 * amount due in period t is C(t) − C(t−1). So the periods telescope to the whole-cohort
 * amount exactly, a cap is met at the period in which it binds, and with tiers each result is
 * paid at the marginal price of the tier the cohort's gross rate has reached (the contract's
 * tiers are marginal prices by gross rate, src/economics/payment.ts). With flat or subgroup
 * prices and no binding cap, C(t) − C(t−1) is simply Σ price × results.
 */
export function buildLedger(persons: readonly PersonOutcome[], outcomes: readonly OutcomeDefinition[], terms: PaymentTerms, periods: readonly Period[]): Ledger {
  const participants = persons.filter((o) => o.person.group === 'participant');
  const paying = new Set<StatusCategory>(terms.paying_categories);
  const notes: string[] = [];
  const lineOf = (o: PersonOutcome): PriceLine | null => {
    if (terms.lines.length === 1 && terms.lines[0]!.variable === null) return terms.lines[0]!;
    return terms.lines.find((l) => l.variable !== null && String(valueOf(o, l.variable)) === l.level) ?? null;
  };
  const lines: PriceLine[] = [...terms.lines];
  const unpriced = participants.filter((o) => paying.has(o.status) && lineOf(o) === null).length;
  if (unpriced > 0) {
    lines.push({ id: UNPRICED, label: 'no subgroup level (no price)', variable: null, level: null, price: 0 });
    notes.push(`${unpriced} participant(s) in the paying outcome have no level of the price variable and no price`);
  }
  const capOre = terms.cap_per_participant === null ? null : toOre(terms.participants * terms.cap_per_participant);
  const priceOre = new Map(lines.map((l) => [l.id, toOre(l.price)]));
  const cumulativeOre = (results: ReadonlyMap<string, number>): number => {
    let total = 0;
    for (const n of results.values()) total += n;
    if (terms.tiers) {
      const N = terms.participants;
      return N > 0 ? toOre(N * nominalPayment({ price_per_gross_employed: null, tiers: terms.tiers, cap_per_participant: terms.cap_per_participant }, total / N)) : 0;
    }
    let s = 0;
    for (const [id, n] of results) s += n * (priceOre.get(id) ?? 0);
    return capOre === null ? s : Math.min(s, capOre);
  };
  const lineId = (o: PersonOutcome): string => lineOf(o)?.id ?? UNPRICED;

  const toDate = new Map<string, number>(lines.map((l) => [l.id, 0]));
  let dueToDate = 0;
  const out: PeriodLedger[] = [];
  for (const period of periods) {
    const inPeriod = participants.filter((o) => o.followUpMonth >= period.first && o.followUpMonth <= period.last);
    const reached: Record<string, number> = {};
    for (const def of outcomes) {
      const cats = new Set<StatusCategory>(def.categories);
      reached[def.id] = inPeriod.filter((o) => cats.has(o.status)).length;
    }
    const counts = new Map<string, number>(lines.map((l) => [l.id, 0]));
    for (const o of inPeriod) if (paying.has(o.status)) counts.set(lineId(o), (counts.get(lineId(o)) ?? 0) + 1);
    const lineLedgers = lines.map((l) => ({ id: l.id, label: l.label, price: l.price, results: counts.get(l.id) ?? 0, amount_ore: (counts.get(l.id) ?? 0) * (priceOre.get(l.id) ?? 0) }));
    for (const [id, n] of counts) toDate.set(id, (toDate.get(id) ?? 0) + n);
    const cumulative = cumulativeOre(toDate);
    const due = cumulative - dueToDate;
    dueToDate = cumulative;
    const subtotal = lineLedgers.reduce((s, l) => s + l.amount_ore, 0);
    const resultsToDate = [...toDate.values()].reduce((s, n) => s + n, 0);
    out.push({
      period,
      participants: inPeriod.length,
      reached,
      lines: lineLedgers,
      subtotal_ore: subtotal,
      adjustment_ore: due - subtotal,
      due_ore: due,
      to_date: { results: resultsToDate, due_ore: cumulative, gross_rate: terms.participants > 0 ? resultsToDate / terms.participants : 0 },
    });
  }
  const all = new Map<string, number>(lines.map((l) => [l.id, 0]));
  for (const o of participants) if (paying.has(o.status)) all.set(lineId(o), (all.get(lineId(o)) ?? 0) + 1);
  return {
    periods: out,
    whole: { participants: participants.length, results: [...all.values()].reduce((s, n) => s + n, 0), due_ore: cumulativeOre(all) },
    cap_ore: capOre,
    notes,
  };
}

function valueOf(o: PersonOutcome, variable: string): string | number | null {
  if (variable === 'municipality') return o.person.municipality;
  return o.person.covariates[variable] ?? null;
}
