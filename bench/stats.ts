/**
 * Statistics benchmarks (issue 3), each with its target and, for Boschloo, the ratio
 * against scipy.stats.boschloo_exact timed in the same run on the same machine.
 */
import { spawnSync } from 'node:child_process';
import { boschloo, fisherExact, simulateCoverage } from '../src/stats/index.js';

/** Median wall time in ms of `runs` calls after one warm-up call. */
function timeMs(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const SCIPY_SCRIPT = `
import json, time
from scipy.stats import boschloo_exact
import scipy
table = [[15, 73], [41, 487]]
times = []
for _ in range(3):
    t0 = time.perf_counter(); r = boschloo_exact(table, alternative="two-sided"); times.append(time.perf_counter() - t0)
times.sort()
print(json.dumps({"seconds": times[1], "p": float(r.pvalue), "version": scipy.__version__}))
`;

interface ScipyTiming {
  readonly seconds: number;
  readonly p: number;
  readonly version: string;
}

function scipyBoschloo(): ScipyTiming | string {
  const r = spawnSync('python3', ['-c', SCIPY_SCRIPT], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) return `python3 not available (${r.error.message})`;
  if (r.status !== 0) return `python3/scipy failed: ${(r.stderr || '').trim().split('\n').pop() ?? ''}`;
  try {
    return JSON.parse(r.stdout) as ScipyTiming;
  } catch {
    return `unexpected scipy output: ${r.stdout.slice(0, 80)}`;
  }
}

export async function benchStats(): Promise<string[]> {
  const lines: string[] = [];

  const oursMs = timeMs(() => boschloo(15, 56, 73, 560), 5);
  const ours = boschloo(15, 56, 73, 560);
  const scipy = scipyBoschloo();
  lines.push(`Boschloo 15/56 vs 73/560 (two-sided): effekt ${oursMs.toFixed(1)} ms (median of 5), p = ${ours.p.toPrecision(10)}`);
  if (typeof scipy === 'string') {
    lines.push(`  scipy: ${scipy} — ratio not measured`);
  } else {
    const ratio = (1000 * scipy.seconds) / oursMs;
    lines.push(`  scipy ${scipy.version} boschloo_exact: ${(1000 * scipy.seconds).toFixed(0)} ms (median of 3), p = ${scipy.p.toPrecision(10)}`);
    lines.push(`  speed-up ${ratio.toFixed(0)}× (target ≥ 10×: ${ratio >= 10 ? 'met' : 'NOT met'}); |Δp|/p = ${(Math.abs(ours.p - scipy.p) / scipy.p).toExponential(1)}`);
  }

  const fisherMs = timeMs(() => fisherExact(15, 56, 73_000, 1_000_000), 9);
  const f = fisherExact(15, 56, 73_000, 1_000_000);
  lines.push(
    `Fisher 15/56 vs 73,000/1,000,000 (p, mid-p, conditional MLE and exact interval): ${fisherMs.toFixed(2)} ms (median of 9; target < 50 ms: ${fisherMs < 50 ? 'met' : 'NOT met'}), p = ${f.p.toPrecision(6)}`,
  );

  const t0 = performance.now();
  const points = simulateCoverage({
    p1: [0.15, 0.25, 0.35, 0.5],
    p2: [0.15, 0.2, 0.3],
    n1: 56,
    n2: [56, 560],
    draws: 100_000,
    seed: 20240614,
    methods: ['newcombe', 'miettinen_nurminen', 'agresti_caffo', 'wald'],
  });
  const simMs = performance.now() - t0;
  lines.push(`Coverage simulation: 24 grid points × 100,000 draws × 4 interval methods in ${(simMs / 1000).toFixed(2)} s`);
  for (const m of ['newcombe', 'miettinen_nurminen', 'agresti_caffo', 'wald'] as const) {
    const c = points.map((p) => p.coverage[m] as number);
    lines.push(`  ${m.padEnd(18)} coverage ${(100 * Math.min(...c)).toFixed(2)}–${(100 * Math.max(...c)).toFixed(2)} % (nominal 95 %)`);
  }
  return lines;
}
