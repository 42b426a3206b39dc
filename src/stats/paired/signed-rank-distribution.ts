/**
 * Null distributions of the signed-rank statistic V = sum of the ranks of the positive
 * differences, each difference's sign being + or − with probability ½ independently.
 *
 * `signRankCounts(n)`: the number of sign patterns of ranks 1..n giving each V = 0..n(n+1)/2,
 * by the recursion c_n(v) = c_{n−1}(v) + c_{n−1}(v − n) (the counting R's csignrank does).
 * For n < 50 every count is below 2^49, so doubles hold them exactly and p = count / 2^n
 * matches R's psignrank to the last bit or two.
 *
 * `permutationDistribution(scores)`: the same recursion for arbitrary non-negative integer
 * scores (twice the midranks, so ties are allowed), carried as probabilities: each step
 * halves, so no overflow for any n and no loss of relative accuracy in the tails. This is the
 * exact conditional (permutation) distribution given the observed tie pattern, as
 * exactRankTests::wilcox.exact and coin::wilcoxsign_test(distribution = "exact") compute it.
 * Cost is O(n · sum(scores)) = O(n³).
 */
export function signRankCounts(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  let top = 0;
  for (let k = 1; k <= n; k++) {
    top += k;
    for (let v = top; v >= k; v--) counts[v]! += counts[v - k]!;
  }
  return counts;
}

export function permutationDistribution(scores: readonly number[]): Float64Array {
  const total = scores.reduce((a, b) => a + b, 0);
  const prob = new Float64Array(total + 1);
  prob[0] = 1;
  let top = 0;
  for (const s of scores) {
    if (!Number.isInteger(s) || s < 0) throw new RangeError(`permutationDistribution: scores must be non-negative integers, got ${s}`);
    top += s;
    if (s === 0) continue;
    for (let v = top; v >= 0; v--) prob[v] = 0.5 * (prob[v]! + (v >= s ? prob[v - s]! : 0));
  }
  return prob;
}

/** Sum of dist[lo..hi] (inclusive, clipped to the support). */
export function tailSum(dist: Float64Array, lo: number, hi: number): number {
  let sum = 0;
  for (let v = Math.max(0, lo); v <= Math.min(dist.length - 1, hi); v++) sum += dist[v]!;
  return sum;
}
