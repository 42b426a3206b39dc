/**
 * The statement as Markdown and HTML, in Danish or English. Amounts in kroner with øre;
 * numbers formatted by hand (no Intl) so the bytes do not depend on Node's ICU data.
 */
import { messages } from '../report/messages/index.js';
import type { Count, Statement } from './statement.js';

export type Lang = 'da' | 'en';

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** 254802.37 → "254.802,37" (da) / "254,802.37" (en). */
export function money(x: number, lang: Lang): string {
  const neg = x < 0 && Math.round(Math.abs(x) * 100) !== 0;
  const [i, d] = Math.abs(x).toFixed(2).split('.') as [string, string];
  const s = lang === 'da' ? `${group(i, '.')},${d}` : `${group(i, ',')}.${d}`;
  return neg ? `\u2212${s}` : s;
}

function kr(x: number | null, lang: Lang): string {
  if (x === null) return '..';
  return lang === 'da' ? `${money(x, lang)} kr.` : `DKK ${money(x, lang)}`;
}

function count(c: Count): string {
  return typeof c === 'number' ? String(c) : c;
}

function pct(x: number, lang: Lang): string {
  const s = (x * 100).toFixed(1);
  return lang === 'da' ? `${s.replace('.', ',')} %` : `${s}%`;
}

const T = {
  da: {
    title: 'Resultatopgørelse',
    internal: 'INTERN VERSION – IKKE TIL OFFENTLIGGØRELSE (uden diskretionering, til parterne og revisor)',
    period: 'Periode',
    months: 'opfølgningsmåneder',
    paying: 'Betalingsudløsende resultat',
    followed: 'Deltagere med opfølgningsmåned i perioden',
    outcome: 'Resultat',
    reached: 'Antal deltagere',
    payingCol: 'Betaling',
    yes: 'ja',
    no: 'nej',
    price: 'Pris pr. resultat',
    results: 'Resultater',
    amount: 'Beløb',
    subtotal: 'Subtotal',
    adjustment: 'Regulering (loft/trin)',
    due: 'Til betaling for perioden',
    schedule: 'Fordeling på betalingsår',
    year: 'År',
    share: 'Andel',
    toDate: 'Løbende total fra første periode til og med denne',
    resultsToDate: 'Resultater i alt',
    amountToDate: 'Beløb i alt',
    grossToDate: 'Bruttorate hidtil (af deltagerne i kohorten)',
    capTotal: 'Loft for hele kohorten',
    capLeft: 'Tilbage under loftet',
    whole: 'Hele kohorten',
    participants: 'Deltagere',
    wholeAmount: 'Samlet betaling (summen af alle perioder)',
    economics: 'Økonomimodellens samlede betaling (uafrundet)',
    rounding: 'Forskel pga. priser afrundet til hele øre',
    reconciliation: 'Afstemning: alle perioder',
    sum: 'Sum af perioderne',
    equals: 'Lig med hele kohortens betaling',
    contract: 'Kontrakt',
    rule: 'Prisregel for undergrupper',
    tiers: 'Trin (marginalpris pr. bruttorate)',
    from: 'fra bruttorate',
    capPer: 'Loft pr. deltager',
    priceYear: 'Prisniveau',
    notes: 'Bemærkninger',
    suppressed: 'Tal under {T} personer vises som "<{T}"; ".." er skjult, så de ikke kan regnes ud. Beløb vises kun, hvor antallet vises.',
  },
  en: {
    title: 'Outcome payment statement',
    internal: 'INTERNAL VERSION – NOT FOR PUBLICATION (unsuppressed, for the parties and the auditor)',
    period: 'Period',
    months: 'follow-up months',
    paying: 'Paying outcome',
    followed: 'Participants with their follow-up month in the period',
    outcome: 'Outcome',
    reached: 'Participants',
    payingCol: 'Paid',
    yes: 'yes',
    no: 'no',
    price: 'Price per result',
    results: 'Results',
    amount: 'Amount',
    subtotal: 'Subtotal',
    adjustment: 'Adjustment (cap/tiers)',
    due: 'Amount due for the period',
    schedule: 'Split over payment years',
    year: 'Year',
    share: 'Share',
    toDate: 'Running total from the first period to the end of this one',
    resultsToDate: 'Results to date',
    amountToDate: 'Amount to date',
    grossToDate: "Gross rate to date (of the cohort's participants)",
    capTotal: 'Cap for the whole cohort',
    capLeft: 'Left under the cap',
    whole: 'Whole cohort',
    participants: 'Participants',
    wholeAmount: 'Total payment (sum of all periods)',
    economics: "The economic model's total payment (unrounded)",
    rounding: 'Difference from prices rounded to whole øre',
    reconciliation: 'Reconciliation: all periods',
    sum: 'Sum of the periods',
    equals: "Equals the whole cohort's payment",
    contract: 'Contract',
    rule: 'Subgroup price rule',
    tiers: 'Tiers (marginal price by gross rate)',
    from: 'from gross rate',
    capPer: 'Cap per participant',
    priceYear: 'Price level',
    notes: 'Notes',
    suppressed: 'Counts below {T} persons are shown as "<{T}"; ".." is hidden so they cannot be worked out. Amounts are shown only where the count is.',
  },
} as const;

type Block = { kind: 'h'; text: string } | { kind: 'p'; text: string } | { kind: 'table'; head: string[]; rows: string[][]; right?: number[] };

function blocks(s: Statement, lang: Lang): Block[] {
  const t = T[lang];
  const out: Block[] = [];
  if (s.version === 'internal') out.push({ kind: 'p', text: `**${t.internal}**` });
  out.push({ kind: 'p', text: `${t.period}: **${s.period.id}** (${t.months} ${s.period.first_month} – ${s.period.last_month}). ${t.paying}: **${s.contract.paying_label[lang]}**. ${t.priceYear}: ${s.price_year}.` });
  out.push({ kind: 'p', text: `${t.followed}: **${count(s.participants_followed_up)}**` });
  out.push({ kind: 'table', head: [t.outcome, t.reached, t.payingCol], rows: s.outcomes.map((o) => [o.label[lang], count(o.reached), o.paying ? t.yes : t.no]), right: [1] });
  const rows = s.lines.map((l) => [l.id === 'all' ? s.contract.paying_label[lang] : priceLabel(l.id, l.label, lang), kr(l.price, lang), count(l.results), kr(l.amount, lang)]);
  rows.push([`**${t.subtotal}**`, '', '', kr(s.subtotal, lang)]);
  if (s.adjustment !== null && s.adjustment !== 0) rows.push([t.adjustment, '', '', kr(s.adjustment, lang)]);
  rows.push([`**${t.due}**`, '', '', `**${kr(s.amount_due, lang)}**`]);
  out.push({ kind: 'table', head: ['', t.price, t.results, t.amount], rows, right: [1, 2, 3] });
  if (s.schedule_split) {
    out.push({ kind: 'h', text: t.schedule });
    out.push({ kind: 'table', head: [t.year, t.share, t.amount], rows: s.schedule_split.map((x) => [String(x.year), pct(x.share, lang), kr(x.amount, lang)]), right: [1, 2] });
  }
  if (s.to_date) {
    out.push({ kind: 'h', text: t.toDate });
    const r: string[][] = [
      [t.resultsToDate, String(s.to_date.results)],
      [t.amountToDate, kr(s.to_date.amount, lang)],
      [t.grossToDate, pct(s.to_date.gross_rate, lang)],
    ];
    if (s.contract.cap_total !== null) r.push([t.capTotal, kr(s.contract.cap_total, lang)], [t.capLeft, kr(s.to_date.cap_remaining, lang)]);
    out.push({ kind: 'table', head: ['', ''], rows: r, right: [1] });
  }
  out.push({ kind: 'h', text: t.whole });
  const w: string[][] = [
    [t.participants, count(s.whole_cohort.participants)],
    [t.results, count(s.whole_cohort.results)],
    [t.wholeAmount, kr(s.whole_cohort.amount, lang)],
    [t.economics, kr(s.whole_cohort.economics_amount, lang)],
  ];
  if (s.whole_cohort.rounding_difference !== null) w.push([t.rounding, kr(s.whole_cohort.rounding_difference, lang)]);
  out.push({ kind: 'table', head: ['', ''], rows: w, right: [1] });
  if (s.reconciliation) {
    out.push({ kind: 'h', text: t.reconciliation });
    const r = s.reconciliation.periods.map((x) => [x.period === s.period.id ? `**${x.period}**` : x.period, String(x.participants), String(x.results), kr(x.amount, lang)]);
    r.push([`**${t.sum}**`, '', '', `**${kr(s.reconciliation.sum_of_periods, lang)}**`]);
    r.push([t.equals, '', '', s.reconciliation.equals_whole_cohort ? t.yes : `**${t.no}**`]);
    out.push({ kind: 'table', head: [t.period, t.participants, t.results, t.amount], rows: r, right: [1, 2, 3] });
  }
  out.push({ kind: 'h', text: t.contract });
  const c: string[][] = s.contract.prices.map((p) => [p.id === 'all' ? t.price : `${t.price}: ${priceLabel(p.id, p.label, lang)}`, kr(p.price, lang)]);
  if (s.contract.subgroup_rule) c.push([t.rule, messages(lang).eco.rule[s.contract.subgroup_rule] ?? s.contract.subgroup_rule]);
  if (s.contract.tiers) for (const x of s.contract.tiers) c.push([`${t.tiers}, ${t.from} ${pct(x.from_gross_rate, lang)}`, kr(x.price_per_gross_employed, lang)]);
  if (s.contract.cap_per_participant !== null) c.push([t.capPer, kr(s.contract.cap_per_participant, lang)]);
  out.push({ kind: 'table', head: ['', ''], rows: c, right: [1] });
  const notes = [...(s.suppression.applied ? [t.suppressed.replaceAll('{T}', String(s.suppression.threshold))] : []), ...s.notes];
  if (notes.length > 0) {
    out.push({ kind: 'h', text: t.notes });
    for (const n of notes) out.push({ kind: 'p', text: `- ${n}` });
  }
  return out;
}

export function statementMarkdown(s: Statement, lang: Lang): string {
  const lines = [`# ${T[lang].title}: ${s.title[lang]}, ${s.period.id}`, ''];
  for (const b of blocks(s, lang)) {
    if (b.kind === 'h') lines.push(`## ${b.text}`, '');
    else if (b.kind === 'p') lines.push(b.text, '');
    else {
      const align = b.head.map((_, i) => (b.right?.includes(i) ? '---:' : '---'));
      lines.push(`| ${b.head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...b.rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`), '');
    }
  }
  return lines.join('\n');
}

function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

export function statementHtml(s: Statement, lang: Lang): string {
  const title = `${T[lang].title}: ${s.title[lang]}, ${s.period.id}`;
  const body: string[] = [`<h1>${html(title)}</h1>`];
  let inList = false;
  for (const b of blocks(s, lang)) {
    const isItem = b.kind === 'p' && b.text.startsWith('- ');
    if (inList && !isItem) {
      body.push('</ul>');
      inList = false;
    }
    if (b.kind === 'h') body.push(`<h2>${html(b.text)}</h2>`);
    else if (b.kind === 'p') {
      if (isItem) {
        if (!inList) body.push('<ul>');
        inList = true;
        body.push(`<li>${html(b.text.slice(2))}</li>`);
      } else body.push(`<p>${html(b.text)}</p>`);
    } else {
      const cell = (tag: string, c: string, i: number) => `<${tag}${b.right?.includes(i) ? ' class="num"' : ''}>${html(c)}</${tag}>`;
      const head = b.head.some((h) => h !== '') ? `<thead><tr>${b.head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>` : '';
      body.push(`<table>${head}<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody></table>`);
    }
  }
  if (inList) body.push('</ul>');
  const css =
    'body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #ccc;padding:.3rem .6rem;text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}';
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${html(title)}</title>\n<style>${css}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

/** A price line `variable=level` in the reader's words, e.g. "Beskæftiget inden for de seneste 2 år: ja". */
function priceLabel(id: string, fallback: string, lang: Lang): string {
  const eq = id.indexOf('=');
  if (eq < 0) return fallback;
  const m = messages(lang);
  const variable = id.slice(0, eq);
  const level = id.slice(eq + 1);
  return `${m.covariate[variable] ?? variable}: ${m.level[level] ?? level}`;
}
