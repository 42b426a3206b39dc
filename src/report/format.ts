/**
 * Number and date formatting for the note, by hand rather than through Intl so the bytes
 * do not depend on the ICU data Node was built with. Danish: decimal comma, "." thousands,
 * "pct.", "procentpoint", "kr."; English: decimal point, "," thousands, "%", "DKK".
 * Rounding is half away from zero on the decimal value (a tiny nudge absorbs binary
 * representation error such as 0.285 = 0.28499999…); −0 prints as 0. The minus sign is
 * U+2212 so it does not break across lines or read as a hyphen.
 */
import type { Lang } from './messages/index.js';

export const MINUS = '\u2212';

const MONTHS: Record<Lang, readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export interface Formatter {
  readonly lang: Lang;
  /** 1234 → "1.234" / "1,234"; decimals as given. */
  num(x: number, decimals?: number): string;
  int(x: number): string;
  /** A share 0–1 as a percentage number without unit: 0.2678 → "27". */
  pctNum(share: number, decimals?: number): string;
  /** A share 0–1 with unit: "27 pct." / "27%". */
  pct(share: number, decimals?: number): string;
  /** A difference of shares in percentage points: "14 procentpoint" / "14 percentage points". */
  pp(diff: number, decimals?: number): string;
  /** Interval of a difference, in points without unit: "3 til 25" / "3 to 25". */
  ppRange(ci: readonly [number, number], decimals?: number): string;
  /** A p-value: 3 significant decimals below 0.1, "< 0,001" below 0.001. */
  p(p: number): string;
  /** Kroner: "28.353 kr." / "DKK 28,353". */
  kr(x: number): string;
  /** Kroner number only: "28.353". */
  krNum(x: number): string;
  /** "2022-05" → "maj 2022" / "May 2022". */
  month(ym: string): string;
  /** A confidence level 0.95 → "95 %" (da) / "95%" (en). */
  level(confidence: number): string;
}

/** Round half away from zero to `decimals` places, as a fixed string with "." decimal. */
export function roundFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return String(x);
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  const r = Math.round(scaled + scaled * 1e-12) / f;
  const s = r.toFixed(decimals);
  return x < 0 && Number(s) !== 0 ? `-${s}` : s;
}

export function formatter(lang: Lang): Formatter {
  const dec = lang === 'da' ? ',' : '.';
  const thou = lang === 'da' ? '.' : ',';
  const num = (x: number, decimals = 0): string => {
    if (!Number.isFinite(x)) return '–';
    const s = roundFixed(x, decimals);
    const neg = s.startsWith('-');
    const [intPart = '0', frac] = (neg ? s.slice(1) : s).split('.');
    const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, thou);
    return `${neg ? MINUS : ''}${grouped}${frac ? dec + frac : ''}`;
  };
  const pctNum = (share: number, decimals = 0) => num(share * 100, decimals);
  const p = (v: number): string => {
    if (!Number.isFinite(v)) return '–';
    if (v < 0.001) return `< 0${dec}001`;
    if (v < 0.1) return num(v, 3);
    return num(v, 2);
  };
  return {
    lang,
    num,
    int: (x) => num(x, 0),
    pctNum,
    pct: (share, decimals = 0) => (lang === 'da' ? `${pctNum(share, decimals)} pct.` : `${pctNum(share, decimals)}%`),
    pp: (diff, decimals = 0) => `${pctNum(diff, decimals)} ${lang === 'da' ? 'procentpoint' : Math.abs(Number(roundFixed(diff * 100, decimals))) === 1 ? 'percentage point' : 'percentage points'}`,
    ppRange: (ci, decimals = 0) => `${pctNum(ci[0], decimals)} ${lang === 'da' ? 'til' : 'to'} ${pctNum(ci[1], decimals)}`,
    p,
    kr: (x) => (lang === 'da' ? `${num(x)} kr.` : `DKK ${num(x)}`),
    krNum: (x) => num(x),
    month: (ym) => {
      const m = /^(\d{4})-(\d{2})$/.exec(ym);
      if (!m) return ym;
      return `${MONTHS[lang][Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
    },
    level: (c) => (lang === 'da' ? `${num(c * 100)}\u00a0%` : `${num(c * 100)}%`),
  };
}
