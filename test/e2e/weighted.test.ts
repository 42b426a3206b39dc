import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyExample } from './helpers.js';
import { loadSpec } from '../../src/spec/load.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { weightedDifference } from '../../src/stats/index.js';

/** The example's controls with a weight column (every third control 0.5, the rest 1.25, or all 1). */
function withWeights(weight: (i: number) => string): { dir: string; spec: string } {
  const ex = copyExample();
  const path = join(ex.dir, 'controls.csv');
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  writeFileSync(path, [`${lines[0]},weight`, ...lines.slice(1).map((l, i) => `${l},${weight(i)}`)].join('\n') + '\n');
  return ex;
}

describe('controls carrying weights', () => {
  it('gives weighted control shares and a robust interval that agree with the weighted-difference function', async () => {
    const ex = withWeights((i) => (i % 3 === 0 ? '0.5' : '1.25'));
    const { evaluation, persons } = await evaluate(loadSpec(ex.spec));
    expect(evaluation.cohort.weighted).toBe(true);
    const w = persons.filter((o) => o.person.group === 'control').map((o) => o.person.weight);
    const sw = w.reduce((a, b) => a + b, 0);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    expect(evaluation.cohort.kish_effective_controls).toBeCloseTo((sw * sw) / sw2, 10);
    for (const def of ['ordinary_employment', 'self_supporting_or_education'] as const) {
      const o = evaluation.outcomes[def]!;
      const hit = (s: string) => (o.categories as readonly string[]).includes(s) ? 1 : 0;
      const part = persons.filter((p) => p.person.group === 'participant');
      const ctrl = persons.filter((p) => p.person.group === 'control');
      const d = weightedDifference(part.map((p) => hit(p.status)), part.map(() => 1), ctrl.map((p) => hit(p.status)), ctrl.map((p) => p.person.weight));
      const share = ctrl.reduce((a, p) => a + p.person.weight * hit(p.status), 0) / sw;
      expect(o.controls.share).toBeCloseTo(share, 14);
      expect(o.controls.method).toBe('wilson_kish_weighted');
      expect(o.difference.method).toBe('wald_robust_weighted');
      expect(o.difference.estimate).toBeCloseTo(d.estimate, 14);
      expect(o.difference.ci[0]).toBeCloseTo(d.ci[0], 14);
      expect(o.difference.ci[1]).toBeCloseTo(d.ci[1], 14);
      expect(o.tests.z.statistic).toBeCloseTo(d.estimate / d.se, 12);
    }
  });

  it('says in the note which methods the weights call for', async () => {
    const ex = withWeights((i) => (i % 3 === 0 ? '0.5' : '1.25'));
    const out = mkdtempSync(join(tmpdir(), 'effekt-weighted-'));
    const r = await cli(['run', ex.spec, '--out', out, '--lang', 'en']);
    expect(r.code, r.err).toBe(0);
    const md = readFileSync(join(out, 'effect-note.md'), 'utf8');
    expect(md).toContain('(z-test with robust standard errors: p = ');
    expect(md).toContain('robust (HC0 sandwich) standard error of the weighted difference');
    expect(md).not.toContain("Fisher's exact test: p = ");
  });

  it('treats a weight column of ones as unweighted (identical to the canonical run)', async () => {
    const a = copyExample();
    const b = withWeights(() => '1');
    const ra = await evaluate(loadSpec(a.spec));
    const rb = await evaluate(loadSpec(b.spec));
    expect(rb.evaluation.cohort.weighted).toBe(false);
    expect(rb.evaluation.outcomes).toEqual(ra.evaluation.outcomes);
  });
});
