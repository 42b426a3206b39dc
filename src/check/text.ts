import type { Lang } from './messages.js';
import { num, pct, pval } from './messages.js';
import type { TargetResult } from './targets.js';
import { cohortTableMarkdown } from './cohortTable.js';
import type { CheckResult } from './verdict.js';

/** The verdict for a terminal or a scheduler's log: one line per target, then the verdict line. */
export function verdictText(result: CheckResult, lang: Lang, labels: Readonly<Record<string, { da: string; en: string }>> = {}): string {
  const da = lang === 'da';
  const lines: string[] = [];
  lines.push(`effekt check: ${result.name} (${result.cohort.participants} ${da ? 'deltagere' : 'participants'}, ${result.cohort.controls} ${da ? 'kontrolpersoner' : 'controls'})`);
  const scopes = [...new Set(result.targets.map((t) => t.scope))];
  for (const scope of scopes) {
    if (scopes.length > 1 || scope !== 'pooled') {
      const c = result.cohorts.find((x) => x.id === scope);
      lines.push('', scope === 'pooled' ? (da ? 'Samlet (alle kohorter):' : 'Pooled (all cohorts):') : `${da ? 'Kohorte' : 'Cohort'} ${c?.label ?? scope} (${c?.participants ?? '?'}/${c?.controls ?? '?'}):`);
    }
    for (const t of result.targets.filter((x) => x.scope === scope)) lines.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.description}`, `        ${valueText(t, lang)}${t.detail ? `; ${t.detail}` : ''}`);
  }
  if (result.cohort_table) {
    lines.push('', da ? 'Kohorter og samlet:' : 'Cohorts and pooled:', '');
    lines.push(cohortTableMarkdown(result.cohort_table, labels, lang).trimEnd());
  }
  if (result.baseline) {
    const b = result.baseline;
    lines.push('', `${da ? 'Sammenlignet med' : 'Compared with'} ${b.name ?? b.file}:`);
    for (const c of b.changes) {
      const flag = c.flagged ? (da ? '  <- mere end tilfældig variation' : '  <- beyond sampling noise') : '';
      lines.push(`  ${c.outcome} ${c.measure}: ${pct(c.previous, lang)} -> ${pct(c.current, lang)} (${signed(c.change, lang)} pp, ${Math.round(b.confidence * 100)} % [${signed(c.ci[0], lang)}; ${signed(c.ci[1], lang)}])${flag}`);
    }
    for (const n of b.notes) lines.push(`  ${n}`);
  }
  for (const n of result.notes) lines.push('', n);
  const { passed, targets } = result.summary;
  lines.push(
    '',
    result.pass
      ? da
        ? `BESTÅET: alle ${targets} mål er nået`
        : `PASS: all ${targets} targets met`
      : da
        ? `IKKE BESTÅET: ${targets - passed} af ${targets} mål er ikke nået`
        : `FAIL: ${targets - passed} of ${targets} targets not met`,
  );
  return lines.join('\n') + '\n';
}

function valueText(t: TargetResult, lang: Lang): string {
  const req = lang === 'da' ? 'krav' : 'required';
  const op = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' }[t.operator];
  const isShare = t.kind === 'share' || t.kind === 'excluded_rows' || t.kind === 'excluded_persons';
  const isDiff = t.kind === 'net_effect' || t.kind === 'ci_lower';
  const f = (x: number): string =>
    isShare ? pct(x, lang) : isDiff ? `${signed(x, lang)} pp` : t.kind === 'significance' ? `p = ${pval(x, lang)}` : num(x, Number.isInteger(x) ? 0 : 1, lang);
  const thr = t.kind === 'significance' ? num(t.threshold, 2, lang) : isShare ? pct(t.threshold, lang) : isDiff ? `${signed(t.threshold, lang)} pp` : String(t.threshold);
  const value = t.value === null ? (lang === 'da' ? 'ingen værdi' : 'no value') : f(t.value);
  return `${value} (${req} ${t.kind === 'significance' ? 'p ' : ''}${op} ${thr})`;
}

function signed(diff: number, lang: Lang): string {
  const s = num(diff * 100, 1, lang);
  return diff > 0 && !s.startsWith('-') ? `+${s}` : s;
}
