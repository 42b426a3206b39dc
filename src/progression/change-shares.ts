import type { ChangeShares } from './types.js';

/**
 * Tallies end − start differences (already oriented so that positive = progress) into
 * positive / unchanged / negative counts and shares of n, as the catalogue reports
 * "the share with positive progression". Shares are null when n = 0.
 */
export function changeShares(differences: readonly number[]): ChangeShares {
  let positive = 0;
  let negative = 0;
  for (const d of differences) {
    if (d > 0) positive++;
    else if (d < 0) negative++;
  }
  const n = differences.length;
  const unchanged = n - positive - negative;
  const share = (k: number): number | null => (n === 0 ? null : k / n);
  return {
    n,
    positive,
    unchanged,
    negative,
    positive_share: share(positive),
    unchanged_share: share(unchanged),
    negative_share: share(negative),
  };
}
