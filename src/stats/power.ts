import type { Alternative } from './types.js';
import { normalCdf, normalQuantile } from './distributions.js';
import { bisect } from './root.js';
import { inputError } from '../errors.js';

/**
 * normal: the normal approximation to the pooled two-proportion z-test with unequal group
 *   sizes (Fleiss, Levin & Paik 2003, Statistical Methods for Rates and Proportions, 3rd ed.,
 *   §4.2–4.4): power = Φ((|Δ| − z·σ0) / σ1), σ0² = p̄q̄(1/n1 + 1/n2) with p̄ = (n1p1 + n2p2)/(n1 + n2)
 *   under H0 and σ1² = p1q1/n1 + p2q2/n2 under H1. For n1 = n2 this is exactly R's
 *   power.prop.test (strict = FALSE; strict = true adds the far tail as strict = TRUE does).
 * arcsine: Cohen's h = 2 asin √p1 − 2 asin √p2 with power = Φ(|h|·√(n1n2/(n1+n2)) − z) + far
 *   tail (Cohen 1988, Statistical Power Analysis, ch. 6), exactly pwr::pwr.2p2n.test.
 */
export type PowerMethod = 'normal' | 'arcsine';

export interface PowerSettings {
  readonly n1: number;
  readonly n2: number;
  readonly alpha?: number;
  /** 'greater': p1 > p2 is the alternative; 'two-sided' (default) either direction. */
  readonly alternative?: Alternative;
  readonly method?: PowerMethod;
  /** normal method, two-sided: include the probability of rejecting in the wrong direction (R's strict = TRUE). arcsine always does (as pwr). */
  readonly strict?: boolean;
}

export interface PowerResult {
  readonly power: number;
  readonly p1: number;
  readonly p2: number;
  readonly n1: number;
  readonly n2: number;
  readonly alpha: number;
  readonly alternative: Alternative;
  readonly method: PowerMethod;
  /** p1 − p2. */
  readonly difference: number;
  readonly cohens_h: number;
}

function checkSettings(s: PowerSettings): void {
  for (const [k, v] of [['n1', s.n1], ['n2', s.n2]] as const) {
    if (!(Number.isFinite(v) && v >= 2)) throw inputError(`power: ${k} must be a number ≥ 2, got ${v}`);
  }
  const alpha = s.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw inputError(`power: alpha must be strictly between 0 and 1, got ${alpha}`);
}

function checkShare(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw inputError(`power: ${name} must be a share from 0 to 1, got ${p}`);
}

/** Power of the two-sided (or one-sided) comparison of two shares at the given sizes. */
export function powerTwoProportions(p1: number, p2: number, settings: PowerSettings): PowerResult {
  checkSettings(settings);
  checkShare('p1', p1);
  checkShare('p2', p2);
  const { n1, n2, alpha = 0.05, alternative = 'two-sided', method = 'normal', strict = false } = settings;
  const h = 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
  const power = method === 'arcsine' ? arcsinePower(h, n1, n2, alpha, alternative) : normalPower(p1, p2, n1, n2, alpha, alternative, strict);
  return Object.freeze({ power, p1, p2, n1, n2, alpha, alternative, method, difference: p1 - p2, cohens_h: h });
}

function normalPower(p1: number, p2: number, n1: number, n2: number, alpha: number, alternative: Alternative, strict: boolean): number {
  const pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
  const sigma0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const sigma1 = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const delta = p1 - p2;
  if (sigma1 === 0) return delta === 0 ? alpha : 1;
  if (alternative === 'two-sided') {
    const z = -normalQuantile(alpha / 2);
    const near = normalCdf((Math.abs(delta) - z * sigma0) / sigma1);
    return strict ? near + normalCdf((-Math.abs(delta) - z * sigma0) / sigma1) : near;
  }
  const z = -normalQuantile(alpha);
  const signed = alternative === 'greater' ? delta : -delta;
  return normalCdf((signed - z * sigma0) / sigma1);
}

function arcsinePower(h: number, n1: number, n2: number, alpha: number, alternative: Alternative): number {
  const scale = Math.sqrt((n1 * n2) / (n1 + n2));
  if (alternative === 'two-sided') {
    const z = -normalQuantile(alpha / 2);
    return normalCdf(Math.abs(h) * scale - z) + normalCdf(-z - Math.abs(h) * scale);
  }
  const z = -normalQuantile(alpha);
  return normalCdf((alternative === 'greater' ? h : -h) * scale - z);
}

export interface MdeSettings extends PowerSettings {
  /** Target power (default 0.8). */
  readonly power?: number;
  /** Look for p1 above p2 (default) or below it. */
  readonly direction?: 'increase' | 'decrease';
}

export interface MdeResult {
  /** The participants' share that is detected with the target power; null if none is (note). */
  readonly p1: number | null;
  readonly p2: number;
  /** Minimum detectable effect p1 − p2 (negative for direction 'decrease'); null if none. */
  readonly mde: number | null;
  readonly power: number;
  readonly n1: number;
  readonly n2: number;
  readonly alpha: number;
  readonly alternative: Alternative;
  readonly method: PowerMethod;
  readonly note?: string;
}

/**
 * Minimum detectable effect: the p1 on the chosen side of p2 at which powerTwoProportions
 * reaches the target, by bisection to the last digit (power grows monotonically as p1 moves
 * away from p2). If even p1 = 1 (or 0) falls short, p1 and mde are null with a note.
 */
export function minimumDetectableEffect(p2: number, settings: MdeSettings): MdeResult {
  checkSettings(settings);
  checkShare('p2', p2);
  const { power = 0.8, direction = 'increase', alpha = 0.05, alternative = 'two-sided', method = 'normal', n1, n2 } = settings;
  if (!(power > 0 && power < 1)) throw inputError(`power: target power must be strictly between 0 and 1, got ${power}`);
  const base = { p2, power, n1, n2, alpha, alternative, method };
  const edge = direction === 'increase' ? 1 : 0;
  const f = (p1: number): number => powerTwoProportions(p1, p2, settings).power - power;
  if (p2 === edge || f(edge) < 0) {
    return Object.freeze({ ...base, p1: null, mde: null, note: `no share ${direction === 'increase' ? 'above' : 'below'} ${p2} reaches power ${power} at these sizes` });
  }
  const p1 = direction === 'increase' ? bisect(f, p2, 1) : bisect(f, 0, p2);
  return Object.freeze({ ...base, p1, mde: p1 - p2 });
}
