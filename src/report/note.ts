/**
 * The effect note's content as blocks (doc.ts), from the published record only: the
 * summary in plain language, data and method with the reconciliation, the groups'
 * characteristics, the results (the catalogue's Table 1, the effect table, subgroups, paid
 * hours and wages), economics and progression when present, limitations and an appendix with
 * methods, suppression rule and provenance.
 */
import { EXCLUSION_REASONS, WARNING_CODES } from '../ingest/reasons.js';
import type { Block } from './doc.js';
import type { Formatter } from './format.js';
import type { Messages } from './messages/index.js';
import type { Count, PublishedEvaluation, PublishedOutcomeEffect, SuppressionSummary } from './published.js';
import { balanceCounts } from './suppression/model.js';
import type { ReportSection } from './sections.js';

export interface NoteContext {
  readonly pub: PublishedEvaluation;
  readonly suppression: SuppressionSummary;
  readonly m: Messages;
  readonly f: Formatter;
  /** Inline SVG of each rendered chart, by name. */
  readonly charts: ReadonlyMap<string, string>;
  readonly internal: boolean;
  readonly timestamp?: string;
  /** Economics and progression sections, already built (see sections.ts). */
  readonly extra: readonly ReportSection[];
}

type Lang = 'da' | 'en';

export function buildNote(ctx: NoteContext): Block[] {
  const { pub, m, f } = ctx;
  const lang = f.lang as Lang;
  const out: Block[] = [];
  let section = 0;
  let figure = 0;
  const h2 = (text: string, id: string, numbered = true, pageBreak = false) => {
    if (numbered) section += 1;
    out.push({ kind: 'heading', level: 2, text: numbered ? `${section}. ${text}` : text, id, pageBreak });
  };
  const h3 = (text: string, id: string) => out.push({ kind: 'heading', level: 3, text, id });
  const p = (text: string, className?: 'lead' | 'note' | 'small') => out.push(className ? { kind: 'paragraph', text, className } : { kind: 'paragraph', text });
  const fig = (name: string, caption: string) => {
    const svg = ctx.charts.get(name);
    if (svg === undefined) return;
    figure += 1;
    out.push({ kind: 'figure', name, svg, caption: `${m.chart.figure(String(figure))} ${caption}`, alt: caption });
  };

  const threshold = ctx.suppression.threshold;
  const T = String(threshold);
  const cnt = (c: Count) => (typeof c === 'number' ? f.int(c) : c);
  const pctOr = (share: number | null, hiddenMark = '..') => (share === null ? hiddenMark : f.pctNum(share));
  const level = f.level(pub.confidence);
  const alpha = f.level(1 - pub.confidence);
  const months = m.monthsAfter(pub.follow_up.months_after_end);
  const firstMonth = pub.follow_up.first_month ? f.month(pub.follow_up.first_month) : '–';
  const lastMonth = pub.follow_up.last_month ? f.month(pub.follow_up.last_month) : '–';
  const outcomes = Object.values(pub.outcomes);
  const first = outcomes[0];
  const n1 = first ? first.participants.n : pub.cohort.participants;
  const n2 = first ? first.controls.n : pub.cohort.controls;
  const municipalities = joinList(pub.cohort.municipalities, lang);
  const anySuppressed = ctx.suppression.applied && ctx.suppression.cells.some((c) => c.reason !== 'derived');
  const marked = (rows: readonly (readonly string[])[]) => rows.some((r) => r.some((c) => c.includes(`<${T}`) || c.includes('..')));
  const legendFor = (rows: readonly (readonly string[])[]) => (anySuppressed && marked(rows) ? [m.tab.legendSuppressed(T)] : []);
  const reasonOf = new Map(ctx.suppression.cells.map((c) => [c.path, c.reason]));
  const markOf = (path: string) => (reasonOf.get(path) === 'primary' ? `<${T}` : '..');
  const covLabel = (v: string) => m.covariate[v] ?? v;
  const levelLabel = (l: string) => m.level[l] ?? l;

  // Title and internal banner.
  out.push({ kind: 'title', text: m.noteTitle(pub.title[lang]), subtitle: m.subtitle({ n1: f.int(n1), n2: f.int(n2), first: firstMonth, last: lastMonth }) });
  if (ctx.internal) out.push({ kind: 'banner', text: m.internal.banner });

  // 1. Summary.
  h2(m.h.summary, 'summary');
  p(m.sum.what({ n1: f.int(n1), n2: f.int(n2), municipalities, months, first: firstMonth, last: lastMonth }), 'lead');
  out.push({ kind: 'list', items: outcomes.map((o) => effectSentence(o, ctx, months, level, alpha, T)) });
  fig('effects', m.chart.effectsCaption);
  for (const t of ctx.extra.find((s) => s.id === 'targets')?.summary ?? []) p(t);
  p(m.sum.reading({ level, alpha }));
  const economicsSummary = ctx.extra.find((s) => s.id === 'economics')?.summary;
  if (economicsSummary) for (const s of economicsSummary) p(s);
  else p(m.sum.noEconomics);
  for (const s of ctx.extra.filter((x) => x.id !== 'economics' && x.id !== 'targets')) for (const t of s.summary) p(t);
  p(m.sum.caveat + (ctx.suppression.applied && threshold > 1 ? ` ${m.sum.suppressed(T)}` : ''));

  // 2. Data and method.
  h2(m.h.data, 'data', true, true);
  p(m.data.cohort({ n1: f.int(n1), n2: f.int(n2), municipalities, ratio: f.num(pub.cohort.control_ratio, Number.isInteger(pub.cohort.control_ratio) ? 0 : 1) }));
  if (pub.cohort.weighted) p(m.data.weighted(f.num(pub.cohort.kish_effective_controls, 1)));
  const rules = Object.entries(pub.follow_up.control_rule).sort(([a], [b]) => a.localeCompare(b));
  if (rules.length) {
    p(m.data.controlRuleIntro);
    out.push({ kind: 'list', items: rules.map(([rule, n]) => m.data.controlRule[rule]?.(f.int(n)) ?? m.data.controlRuleOther({ n: f.int(n), rule })) });
  }
  p(m.data.followUp({ months, first: firstMonth, last: lastMonth }));
  p(m.data.classification);
  p(m.data.codebook({ name: pub.codebook.name, codes: f.int(pub.codebook.codes) }));

  h3(m.h.reconciliation, 'reconciliation');
  p(m.data.reconciliationIntro);
  const recRows: string[][] = [];
  for (const file of pub.reconciliation.files) {
    const reasons = Object.entries(file.excluded).filter(([, n]) => n !== 0);
    const role = m.tab.role[file.role] ?? file.role;
    if (reasons.length === 0) recRows.push([file.file, role, cnt(file.rows_read), f.int(file.rows_used), '0', m.data.noExclusions]);
    reasons.forEach(([reason, n], i) => {
      const label = reasonLabel(reason, lang);
      recRows.push(i === 0 ? [file.file, role, cnt(file.rows_read), f.int(file.rows_used), cnt(n), label] : ['', '', '', '', cnt(n), label]);
    });
  }
  out.push({ kind: 'table', id: 'table-a', caption: m.tab.reconciliation, head: m.tab.reconciliationHead, rows: recRows, align: ['left', 'left', 'right', 'right', 'right', 'left'], notes: legendFor(recRows), small: true });
  const persons = pub.reconciliation.persons;
  p(m.data.persons({ p: cnt(persons.participants), c: cnt(persons.controls), p2: f.int(n1), c2: f.int(n2) }));
  const personExcl = Object.entries(persons.excluded).filter(([, n]) => n !== 0);
  if (personExcl.length) {
    p(m.data.personsExcluded);
    out.push({ kind: 'list', items: personExcl.map(([reason, n]) => `${m.data.personReason[reason] ?? reason}: ${cnt(n)}`) });
  }
  if (pub.reconciliation.warnings.length) {
    p(m.data.warningsIntro);
    out.push({ kind: 'list', items: pub.reconciliation.warnings.map((w) => warningText(w.code, w.params, lang)) });
  }

  // 3. Characteristics.
  h2(m.h.characteristics, 'characteristics');
  const balRows: string[][] = [];
  let lastCov = '';
  for (const b of pub.balance) {
    const rows = pub.balance.filter((x) => x.covariate === b.covariate);
    const binary = b.level === null && balanceCounts(rows as never, 'participants', pub.cohort.participants) !== null;
    const isShare = b.level !== null || binary;
    const val = (x: number | null, g: 'participants' | 'controls') =>
      x === null ? markOf(`balance.${b.covariate}.${b.level ?? '1'}.${g}`) : isShare ? f.pct(x) : f.num(x, 1);
    const smd = b.smd === null ? '..' : `${f.num(b.smd, 2)}${Math.abs(b.smd) >= 0.1 ? ' *' : ''}`;
    balRows.push([b.covariate === lastCov ? '' : covLabel(b.covariate), b.level === null ? (binary ? levelLabel('1') : m.mean) : levelLabel(b.level), val(b.participants_mean, 'participants'), val(b.controls_mean, 'controls'), smd]);
    lastCov = b.covariate;
  }
  out.push({ kind: 'table', id: 'table-b', caption: m.tab.balance, head: m.tab.balanceHead, rows: balRows, align: ['left', 'left', 'right', 'right', 'right'], notes: [m.tab.balanceNote, ...legendFor(balRows)] });

  // 4. Results.
  h2(m.h.results, 'results', true, true);
  h3(m.h.status, 'status');
  p(m.res.statusIntro(months));
  const statusRows = pub.status_distribution.map((r) => [m.cat[r.category], cnt(r.participants), pctOr(r.participants_share), cnt(r.controls), pctOr(r.controls_share)]);
  statusRows.push([m.tab.total, f.int(n1), '100', f.int(n2), '100']);
  out.push({
    kind: 'table',
    id: 'table-1',
    caption: m.tab.status(months),
    head: m.tab.statusHead,
    rows: statusRows,
    align: ['left', 'right', 'right', 'right', 'right'],
    totalRows: [statusRows.length - 1],
    notes: legendFor(statusRows),
  });
  fig('status', m.chart.statusCaption);

  h3(m.h.effects, 'effects');
  p(m.res.effectsIntro);
  const shareCell = (g: PublishedOutcomeEffect['participants']) => (g.share === null ? cnt(g.events) : `${f.pctNum(g.share)} (${cnt(g.events)})`);
  const effectRows = outcomes.map((o) => [
      o.label[lang],
      shareCell(o.participants),
      shareCell(o.controls),
      o.difference ? f.pctNum(o.difference.estimate) : '–',
      o.difference ? f.ppRange(o.difference.ci) : '–',
      o.tests ? f.p(o.tests.fisher.p) : '–',
      o.tests ? f.p(o.tests.z.p) : '–',
  ]);
  out.push({
    kind: 'table',
    id: 'table-2',
    caption: m.tab.effects,
    head: m.tab.effectsHead(level),
    rows: effectRows,
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    notes: [pub.cohort.weighted ? m.tab.effectsNoteWeighted(level) : m.tab.effectsNote(level), ...outcomes.map((o) => m.res.outcomeCategories({ label: o.label[lang], categories: o.categories.map((c) => m.cat[c]).join('; ') })), ...legendFor(effectRows)],
  });

  h3(m.h.subgroups, 'subgroups');
  if (pub.subgroups.length === 0) p(m.res.subgroupsNone);
  else {
    const rows: string[][] = [];
    let lastLevel = '';
    for (const l of pub.subgroups) {
      const key = `${l.variable}\u0000${l.level}`;
      for (const o of Object.values(l.outcomes)) {
        const cell = (g: 'participants' | 'controls') => {
          const side = o[g];
          const size = cnt(l[g]);
          return side.share === null ? `${cnt(side.events)}/${size}` : `${f.pctNum(side.share)} (${cnt(side.events)}/${size})`;
        };
        rows.push([
          key === lastLevel ? '' : `${covLabel(l.variable)}: ${levelLabel(l.level)}`,
          o.label[lang],
          cell('participants'),
          cell('controls'),
          o.difference ? `${f.pctNum(o.difference.estimate)} (${f.ppRange(o.difference.ci)})` : '..',
        ]);
        lastLevel = key;
      }
    }
    out.push({ kind: 'table', id: 'table-3', caption: m.tab.subgroups, head: m.tab.subgroupsHead, rows, align: ['left', 'left', 'right', 'right', 'right'], notes: [m.tab.subgroupsNote, ...legendFor(rows)] });
    fig('subgroups', m.chart.subgroupsCaption);
  }

  h3(m.h.continuous, 'continuous');
  if (pub.continuous.length === 0) p(m.res.continuousNone);
  else {
    const rows = pub.continuous.map((c) => {
      const d = c.variable === 'paid_hours' ? 1 : 0;
      const mean = (g: typeof c.participants) => (g.mean === null ? '..' : `${f.num(g.mean, d)} (${g.median === null ? '..' : f.num(g.median, d)})`);
      return [
        c.variable === 'paid_hours' ? m.tab.paidHours : m.tab.wageIncome,
        `${cnt(c.participants.n)} / ${cnt(c.controls.n)}`,
        mean(c.participants),
        mean(c.controls),
        c.welch ? `${f.num(c.welch.estimate, d)} (${f.num(c.welch.ci[0], d)} ${lang === 'da' ? 'til' : 'to'} ${f.num(c.welch.ci[1], d)})` : '..',
        c.welch && c.wilcoxon ? `${f.p(c.welch.p)} / ${f.p(c.wilcoxon.p)}` : '..',
      ];
    });
    out.push({ kind: 'table', id: 'table-4', caption: m.tab.continuous, head: m.tab.continuousHead(level), rows, align: ['left', 'right', 'right', 'right', 'right', 'right'], notes: [m.tab.continuousNote, ...legendFor(rows)] });
    const hours = pub.continuous.find((c) => c.variable === 'paid_hours');
    const income = pub.continuous.find((c) => c.variable === 'wage_income');
    if (hours?.welch && income?.welch) {
      const sig = Math.min(hours.welch.p, income.welch.p) < 1 - pub.confidence;
      p(m.res.continuousSummary({ hours: f.p(hours.welch.p), income: f.p(income.welch.p), verdict: sig ? m.res.someSignificantDifference : m.res.noSignificantDifference }));
    }
  }

  // Economics, progression.
  for (const s of ctx.extra) {
    h2(s.title, s.id, true, true);
    for (const b of s.blocks) {
      if (b.kind === 'figure') {
        const svg = ctx.charts.get(b.name);
        if (svg === undefined) continue;
        figure += 1;
        out.push({ ...b, svg, caption: `${m.chart.figure(String(figure))} ${b.caption}` });
      } else out.push(b);
    }
  }

  // Limitations.
  h2(m.h.limitations, 'limitations');
  p(m.lim.intro);
  const lims = [m.lim.design, m.lim.size(f.int(n1)), m.lim.snapshot(months)];
  if (outcomes.length > 1) lims.push(m.lim.multiple);
  if ((pub.follow_up.control_rule['participants_mean_end_date'] ?? 0) > 0) lims.push(m.lim.controlTiming);
  if (ctx.suppression.applied && threshold > 1) lims.push(m.lim.suppression(T));
  for (const s of ctx.extra) lims.push(...s.limitations);
  out.push({ kind: 'list', items: lims });

  // Appendix.
  h2(m.h.appendix, 'appendix', false, true);
  h3(m.h.methods, 'methods');
  p(m.app.methodsIntervals(level));
  p(m.app.methodsTests);
  // Weighted controls change the primary interval and tests (src/pipeline/effects.ts).
  if (pub.cohort.weighted) p(m.app.methodsWeighted(level));
  p(`${m.app.methodsRatios} ${m.app.methodsBalance}`);
  const ci = (x: readonly [number, number]) => `${f.pctNum(x[0], 1)} ${lang === 'da' ? 'til' : 'to'} ${f.pctNum(x[1], 1)}`;
  if (!pub.cohort.weighted) out.push({
    kind: 'table',
    id: 'table-c',
    caption: m.tab.alternatives,
    head: m.tab.alternativesHead(level),
    rows: outcomes.map((o) => {
      const d = o.difference;
      const alt = (k: string) => {
        const x = d?.alternatives[k];
        return x ? ci(x) : '–';
      };
      return [o.label[lang], d ? ci(d.ci) : '–', alt('miettinen_nurminen'), alt('agresti_caffo'), alt('wald')];
    }),
    align: ['left', 'right', 'right', 'right', 'right'],
    small: true,
  });
  const ratio = (r: { estimate: number; ci: readonly [number, number] } | null) => (r ? `${f.num(r.estimate, 2)} (${f.num(r.ci[0], 2)}–${f.num(r.ci[1], 2)})` : '–');
  out.push({
    kind: 'table',
    id: 'table-d',
    caption: m.tab.tests,
    head: m.tab.testsHead,
    rows: outcomes.map((o) => {
      const t = o.tests;
      return [
        o.label[lang],
        t ? f.p(t.fisher.p) : '–',
        t ? f.p(t.fisher.p_mid) : '–',
        t?.fisher_holm !== undefined ? f.p(t.fisher_holm) : '–',
        t ? f.p(t.z.p) : '–',
        t ? f.p(t.z_corrected.p) : '–',
        t?.boschloo ? f.p(t.boschloo.p) : '–',
        ratio(o.relative_risk),
        ratio(o.odds_ratio),
      ];
    }),
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    small: true,
  });

  h3(m.h.suppression, 'suppression');
  if (!ctx.suppression.applied) p(m.internal.banner);
  else if (threshold <= 1) p(m.app.suppressionOff);
  else {
    p(m.app.suppressionRule(T));
    const primary = ctx.suppression.cells.filter((c) => c.reason === 'primary').length;
    const complementary = ctx.suppression.cells.filter((c) => c.reason === 'complementary').length;
    p(primary + complementary === 0 ? m.app.suppressionNone : m.app.suppressionCount({ primary: f.int(primary), complementary: f.int(complementary) }));
    if (ctx.suppression.unprotected.length) p(m.app.suppressionUnprotected(f.int(ctx.suppression.unprotected.length)));
  }

  h3(m.h.provenance, 'provenance');
  const prov = pub.provenance;
  p(m.app.provenance({ tool: prov.tool, version: prov.version }));
  const provRows = [
    [m.app.specRole, prov.spec.path, f.int(prov.spec.bytes), prov.spec.sha256],
    [m.app.codebookRole, prov.codebook.path, f.int(prov.codebook.bytes), prov.codebook.sha256],
    ...prov.inputs.map((i) => [m.tab.role[i.role] ?? i.role, i.path, f.int(i.bytes), i.sha256]),
    ...ctx.extra.flatMap((s) => s.provenance.map((i) => [i.role, i.path, i.bytes === null ? '–' : f.int(i.bytes), i.sha256])),
  ];
  out.push({ kind: 'table', id: 'table-e', caption: m.tab.provenance, head: m.tab.provenanceHead, rows: provRows, align: ['left', 'left', 'right', 'left'], mono: [3], small: true });
  p(m.generated(prov.version), 'small');
  if (ctx.timestamp) p(m.generatedAt(ctx.timestamp), 'small');
  if (ctx.internal) out.push({ kind: 'banner', text: m.internal.banner });
  return renumberTables(out);
}

function effectSentence(o: PublishedOutcomeEffect, ctx: NoteContext, months: string, level: string, alpha: string, T: string): string {
  const { m, f, pub } = ctx;
  const lang = f.lang as Lang;
  const label = o.label[lang];
  const d = o.difference;
  if (!d) return label;
  const diff = f.pp(d.estimate);
  const ci = f.ppRange(d.ci);
  let text: string;
  if (o.participants.share === null || o.controls.share === null) text = m.sum.effectHidden({ label, diff, ci, level, threshold: T });
  else {
    const predicate = m.outcomePredicate[o.id];
    const share1 = f.pct(o.participants.share);
    const share2 = f.pct(o.controls.share);
    text = predicate
      ? m.sum.effect({ share1: capitalize(share1), share2, predicate, months, diff, ci, level })
      : m.sum.effectLabelled({ label, share1, share2, months, diff, ci, level });
  }
  if (o.tests) {
    // With weighted controls Fisher's test is only approximate; the robust z-test is primary.
    const weighted = ctx.pub.cohort.weighted;
    const pv = weighted ? o.tests.z.p : o.tests.fisher.p;
    const test = weighted ? m.sum.testRobust : m.sum.testFisher;
    const sig = pv < 1 - pub.confidence;
    text += ` ${sig ? m.sum.significant({ p: f.p(pv), alpha, test }) : m.sum.notSignificant({ p: f.p(pv), alpha, test })}`;
  }
  return text;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'da' ? 'og' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function reasonLabel(reason: string, lang: Lang): string {
  const r = (EXCLUSION_REASONS as Record<string, { da: string; en: string }>)[reason];
  return r ? r[lang] : reason;
}

function warningText(code: string, params: Readonly<Record<string, string | number>>, lang: Lang): string {
  const w = (WARNING_CODES as Record<string, { da: string; en: string }>)[code];
  const template = w ? w[lang] : code;
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

/**
 * Numbered tables are numbered in the message modules, but some are optional (e.g. the
 * comparison with the catalogue only for the reference scenario). Renumber the numbered
 * captions in reading order and every "Tabel N"/"Table N" reference with them, so the
 * reader never meets a gap. Lettered appendix tables (A–E) are left as they are.
 */
export function renumberTables(blocks: readonly Block[]): Block[] {
  const map = new Map<string, string>();
  let next = 0;
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const m = /^(?:Tabel|Table) (\d+)\./.exec(b.caption);
    if (m?.[1] !== undefined && !map.has(m[1])) map.set(m[1], String(++next));
  }
  // Only numbers ≥ the first gap change; the catalogue's own "tabel 1"/"Table 4" keep theirs.
  const fix = (t: string) => t.replace(/\b([Tt]abel|[Tt]able) (\d+)\b/g, (all, word: string, n: string) => (map.has(n) ? `${word} ${map.get(n)}` : all));
  return blocks.map((b) => {
    switch (b.kind) {
      case 'table':
        return { ...b, caption: fix(b.caption), ...(b.notes ? { notes: b.notes.map(fix) } : {}) };
      case 'paragraph':
        return { ...b, text: fix(b.text) };
      case 'list':
        return { ...b, items: b.items.map(fix) };
      default:
        return b;
    }
  });
}
