import { EffektError, formatLocated, type SourceLocation } from '../errors.js';
import { itemScale, type BipConfig } from './config.js';
import type { AttritionCounts, QuestionnaireRow } from './types.js';
import { parseAnswer } from './values.js';

/** One answered wave: WHO-5 items and BIP items (by column) as numbers or null when blank. */
export interface Answers {
  readonly date: string | null;
  readonly who5: readonly (number | null)[];
  readonly bip: Readonly<Record<string, number | null>>;
}

export interface CompletePair {
  readonly personId: string;
  readonly subgroup: string;
  readonly start: Answers;
  readonly end: Answers;
}

export interface PairCollection {
  readonly pairs: readonly CompletePair[];
  readonly attrition: AttritionCounts & {
    readonly reasons: Record<string, number>;
    readonly by_subgroup: (AttritionCounts & { subgroup: string })[];
    readonly rows_not_in_cohort: number;
  };
}

/** Reason key used when a non-responder's row gives none. */
export const UNKNOWN_REASON = 'unknown';

/**
 * Splits the participants into complete pairs (an answered start and an answered end
 * questionnaire) and attrition: start only, end only, none. A row whose answers are all
 * blank records a wave that was not answered (its nonresponse_reason, if any, says why).
 * Non-responders are counted by reason — the first reason given on any of their rows,
 * `unknown` if none. Rows of persons outside the participants are counted and left out.
 * BIP answers are checked against the configured scales here (rows from readQuestionnaire
 * without a config have not been checked yet); all problems are thrown together.
 */
export function collectPairs(
  rows: readonly QuestionnaireRow[],
  participants: readonly { readonly id: string; readonly municipality: string }[],
  config: BipConfig,
): PairCollection {
  const subgroupOf = new Map(participants.map((p) => [p.id, p.municipality] as const));
  const byPerson = new Map<string, { start?: QuestionnaireRow; end?: QuestionnaireRow }>();
  let rowsNotInCohort = 0;
  const problems: { message: string; location: SourceLocation }[] = [];
  const parsed = new Map<QuestionnaireRow, Answers>();
  for (const row of rows) {
    if (!subgroupOf.has(row.personId)) {
      rowsNotInCohort++;
      continue;
    }
    const entry = byPerson.get(row.personId) ?? {};
    entry[row.wave] = row;
    byPerson.set(row.personId, entry);
    parsed.set(row, answersOf(row, config, problems));
  }
  if (problems.length > 0) {
    const [first, ...rest] = problems;
    throw new EffektError(first!.message, { exitCode: 2, location: first!.location, details: rest.slice(0, 19).map((p) => formatLocated(p.message, p.location)) });
  }

  const answered = (row: QuestionnaireRow | undefined): Answers | null => {
    if (!row) return null;
    const a = parsed.get(row)!;
    const any = a.who5.some((v) => v !== null) || Object.values(a.bip).some((v) => v !== null);
    return any ? a : null;
  };
  const pairs: CompletePair[] = [];
  const reasons: Record<string, number> = {};
  type Mutable<T> = { -readonly [K in keyof T]: T[K] };
  const groups = new Map<string, Mutable<AttritionCounts> & { subgroup: string }>();
  const total = { participants: 0, complete_pairs: 0, start_only: 0, end_only: 0, no_questionnaire: 0 };
  for (const p of participants) {
    const g = groups.get(p.municipality) ?? { subgroup: p.municipality, participants: 0, complete_pairs: 0, start_only: 0, end_only: 0, no_questionnaire: 0 };
    groups.set(p.municipality, g);
    const entry = byPerson.get(p.id) ?? {};
    const start = answered(entry.start);
    const end = answered(entry.end);
    const kind = start && end ? 'complete_pairs' : start ? 'start_only' : end ? 'end_only' : 'no_questionnaire';
    total.participants++;
    total[kind]++;
    g.participants++;
    g[kind]++;
    if (start && end) {
      pairs.push({ personId: p.id, subgroup: p.municipality, start, end });
    } else {
      const reason = entry.start?.nonresponseReason ?? entry.end?.nonresponseReason ?? UNKNOWN_REASON;
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  }
  const by_subgroup = [...groups.values()].sort((a, b) => a.subgroup.localeCompare(b.subgroup, 'da'));
  return { pairs, attrition: { ...total, reasons, by_subgroup, rows_not_in_cohort: rowsNotInCohort } };
}

function answersOf(row: QuestionnaireRow, config: BipConfig, problems: { message: string; location: SourceLocation }[]): Answers {
  const bip: Record<string, number | null> = {};
  for (const item of config.items) {
    const text = row.items[item.column];
    if (text === undefined) {
      const message = `missing column ${item.column} (a BIP item in the configuration)`;
      if (!problems.some((p) => p.message === message && p.location.file === row.file)) problems.push({ message, location: { file: row.file, line: 1 } });
      bip[item.column] = null;
      continue;
    }
    const v = parseAnswer(text, item.column, itemScale(config, item));
    if (!v.ok) problems.push({ message: v.message, location: { file: row.file, line: row.line, ...(row.columns[item.column] ? { column: row.columns[item.column] } : {}) } });
    bip[item.column] = v.ok ? v.value : null;
  }
  return { date: row.date, who5: row.who5, bip };
}
