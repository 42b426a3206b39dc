import { findRoot } from './roots.js';

export interface TimedFlow {
  /** Years after the investor's first outlay (may be fractional). */
  readonly time: number;
  readonly amount: number;
}

/**
 * Internal rate of return: the yearly rate r at which Σ amount / (1 + r)^time = 0 (annual
 * compounding, the convention of Excel's XIRR). Solved by Brent's method on r ∈ (−0.99, 100);
 * null when the flows have no sign change or the NPV keeps one sign over that range.
 */
export function irr(flows: readonly TimedFlow[]): number | null {
  const hasIn = flows.some((f) => f.amount > 0);
  const hasOut = flows.some((f) => f.amount < 0);
  if (!hasIn || !hasOut) return null;
  const npv = (r: number): number => flows.reduce((s, f) => s + f.amount / Math.pow(1 + r, f.time), 0);
  const root = findRoot(npv, -0.99, 100, 1e-13);
  return root.value;
}
