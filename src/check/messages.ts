/**
 * Words for the verdict, in Danish and English. Numbers are formatted by hand (decimal comma
 * in Danish) so the output bytes do not depend on the ICU data Node was built with.
 */
import type { ResolvedTarget } from './resolve.js';

export type Lang = 'da' | 'en';

const CATEGORY: Record<string, { da: string; en: string }> = {
  self_supporting_wage: { da: 'selvforsørgende med løn', en: 'self-supporting with wages' },
  self_supporting_unknown: { da: 'selvforsørgende, ukendt grundlag', en: 'self-supporting, unknown basis' },
  wage_with_transfer: { da: 'lønnede timer med supplerende overførselsindkomst', en: 'paid hours with supplementary transfer income' },
  education: { da: 'i uddannelse', en: 'in education' },
  flexjob: { da: 'fleksjob', en: 'flex job' },
  temporary_benefit: { da: 'midlertidig ydelse', en: 'temporary benefit' },
  permanent_benefit: { da: 'varig ydelse', en: 'permanent benefit' },
  not_resident: { da: 'ikke bosat', en: 'not resident' },
};

export function num(x: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(x)) return String(x);
  const s = (Math.abs(x) < 0.5 * 10 ** -decimals ? 0 : x).toFixed(decimals);
  return lang === 'da' ? s.replace('.', ',') : s;
}

export function pct(share: number, lang: Lang, decimals = 1): string {
  return lang === 'da' ? `${num(share * 100, decimals, lang)} %` : `${num(share * 100, decimals, lang)}%`;
}

export function pp(diff: number, lang: Lang, decimals = 1): string {
  return `${num(diff * 100, decimals, lang)} ${lang === 'da' ? 'procentpoint' : 'pp'}`;
}

/** A p-value with 3 significant digits (R's format.pval style). */
export function pval(p: number, lang: Lang): string {
  if (!Number.isFinite(p)) return String(p);
  if (p < 1e-4) return lang === 'da' ? '< 0,0001' : '< 0.0001';
  const s = p.toPrecision(3);
  return lang === 'da' ? s.replace('.', ',') : s;
}

type Labels = Readonly<Record<string, { readonly da: string; readonly en: string }>>;

export function describeTarget(t: ResolvedTarget, lang: Lang, labels: Labels): string {
  if (t.description !== undefined) return typeof t.description === 'string' ? t.description : t.description[lang];
  const da = lang === 'da';
  const outcome = (id: string) => (labels[id]?.[lang] ?? id).toLowerCase();
  switch (t.kind) {
    case 'share': {
      const what = t.outcome !== undefined ? outcome(t.outcome) : t.categories!.map((c) => CATEGORY[c]?.[lang] ?? c).join(da ? ' eller ' : ' or ');
      const group = t.group === 'participants' ? (da ? 'deltagere' : 'participants') : da ? 'kontrolpersoner' : 'controls';
      const bound = t.min !== undefined ? `≥ ${pct(t.min, lang, 0)}` : `≤ ${pct(t.max!, lang, 0)}`;
      return da ? `Andel ${group}: ${what} ${bound}` : `Share of ${group} in ${what} ${bound}`;
    }
    case 'net_effect':
      return da ? `Mereffekt, ${outcome(t.outcome)} ≥ ${pp(t.min, lang, 0)}` : `Net effect, ${outcome(t.outcome)} ≥ ${pp(t.min, lang, 0)}`;
    case 'ci_lower':
      return da
        ? `Nedre grænse af mereffektens konfidensinterval, ${outcome(t.outcome)} > ${pp(t.above, lang, 0)}`
        : `Lower bound of the net effect's interval, ${outcome(t.outcome)} > ${pp(t.above, lang, 0)}`;
    case 'significance': {
      const better = t.direction === 'better';
      return da
        ? `${better ? 'Signifikant bedre end kontrolgruppen' : 'Signifikant forskel fra kontrolgruppen'}, ${outcome(t.outcome)} (${t.test}, α = ${num(t.alpha, 2, lang)})`
        : `${better ? 'Significantly better than the control group' : 'Significantly different from the control group'}, ${outcome(t.outcome)} (${t.test}, α = ${num(t.alpha, 2, lang)})`;
    }
    case 'group_size': {
      const g = { participants: da ? 'deltagere' : 'participants', controls: da ? 'kontrolpersoner' : 'controls', effective_controls: da ? 'effektive kontrolpersoner (Kish)' : 'effective controls (Kish)' }[t.group];
      return da ? `Mindst ${t.min} ${g}` : `At least ${t.min} ${g}`;
    }
    case 'excluded_rows':
      return da ? `Andel rækker udeladt pga. datakvalitet ≤ ${pct(t.max, lang)}` : `Share of rows excluded for data quality ≤ ${pct(t.max, lang)}`;
    case 'excluded_persons':
      return da ? `Andel personer uden status i opfølgningsmåneden ≤ ${pct(t.max, lang)}` : `Share of persons without a status at follow-up ≤ ${pct(t.max, lang)}`;
    case 'unknown_codes':
      return da ? `Højst ${t.max} rækker med ukendte ydelseskoder` : `At most ${t.max} rows with unknown benefit codes`;
  }
}

type Params = Readonly<Record<string, string | number>>;

export function detailText(lang: Lang, key: string, p: Params): string {
  const da = lang === 'da';
  const n = (k: string) => Number(p[k]);
  switch (key) {
    case 'share':
      return da ? `${p['events']} af ${p['n']} ${p['group'] === 'participants' ? 'deltagere' : 'kontrolpersoner'}` : `${p['events']} of ${p['n']} ${p['group']}`;
    case 'shares':
      return da
        ? `deltagere ${p['x1']}/${p['n1']} (${pct(n('x1') / n('n1'), lang)}), kontrol ${p['x2']}/${p['n2']} (${pct(n('x2') / n('n2'), lang)})`
        : `participants ${p['x1']}/${p['n1']} (${pct(n('x1') / n('n1'), lang)}), controls ${p['x2']}/${p['n2']} (${pct(n('x2') / n('n2'), lang)})`;
    case 'ci':
      return `${p['method']} ${pct(n('confidence'), lang, 0)}: [${pp(n('lower'), lang)}; ${pp(n('upper'), lang)}]`;
    case 'p':
      return `${p['test']} p = ${pval(n('p'), lang)}; ${detailText(lang, 'shares', p)}`;
    case 'p_wrong_direction':
      return da
        ? `${p['test']} p = ${pval(n('p'), lang)}, men deltagernes andel er ikke højere; ${detailText(lang, 'shares', p)}`
        : `${p['test']} p = ${pval(n('p'), lang)}, but the participants' share is not higher; ${detailText(lang, 'shares', p)}`;
    case 'not_computed':
      return da ? `${p['test']} er ikke beregnet i denne kørsel` : `${p['test']} was not computed in this run`;
    case 'missing':
      return da ? 'ikke beregnet: kohorten har ingen deltagere eller ingen kontrolpersoner' : 'not computed: the cohort has no participants or no controls';
    case 'group':
      return p['group'] === 'effective_controls' ? (da ? 'Kish: (Σw)² / Σw²' : "Kish's (Σw)² / Σw²") : '';
    case 'rows':
      return da ? `${p['excluded']} af ${p['read']} rækker` : `${p['excluded']} of ${p['read']} rows`;
    case 'persons':
      return da ? `${p['excluded']} af ${p['total']} personer` : `${p['excluded']} of ${p['total']} persons`;
    case 'unknown':
      return da ? `${p['rows']} rækker` : `${p['rows']} rows`;
    case 'no_reconciliation':
      return da ? 'kun for hele kohorten' : 'whole cohort only';
    default:
      return key;
  }
}
