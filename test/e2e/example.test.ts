import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from './helpers.js';
import reference from '../reference/stats.json' with { type: 'json' };
import type { StatusCategory } from '../../src/types.js';
import { EXAMPLE_COUNTS } from '../fixtures/exampleCounts.js';

interface Share { n: number; events: number; share: number; ci: [number, number] }
interface Outcome {
  participants: Share;
  controls: Share;
  difference: { estimate: number; ci: [number, number]; method: string };
  tests: { z: { statistic: number; p: number }; fisher: { p: number } };
}
interface EffectJson {
  outcomes: Record<string, Outcome>;
  status_distribution: { category: string; participants: number | string; controls: number | string }[];
  reconciliation: { files: { rows_read: number; rows_used: number; excluded: Record<string, number> }[] };
}


// R 4.2 (test/reference/stats.R → stats.json): fisher.test and prop.test(correct = FALSE).
function rRow(x1: number, n1: number, x2: number, n2: number) {
  type Row = { x1: number; n1: number; x2: number; n2: number; fisher: Record<string, { p: number }>; z: Record<string, { p: number }> };
  const rows = (reference as unknown as { tables: Row[] }).tables;
  const row = rows.find((t) => t.x1 === x1 && t.n1 === n1 && t.x2 === x2 && t.n2 === n2);
  if (!row) throw new Error(`no R reference for ${x1}/${n1} vs ${x2}/${n2}`);
  return { fisher_p: row.fisher['two-sided']!.p, z_p: row.z['two-sided']!.p };
}

function expectRel(actual: number, expected: number, tol: number, what: string) {
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  expect(rel, `${what}: actual ${actual}, expected ${expected}, relative tolerance ${tol}`).toBeLessThanOrEqual(tol);
}

describe('effekt run on the example cohort (end to end)', () => {
  let internal: EffectJson;
  let published: EffectJson;
  let publishedDir: string;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'effekt-example-'));
    publishedDir = join(root, 'published');
    const a = await cli(['run', join(EXAMPLE, 'evaluation.json'), '--out', publishedDir]);
    expect(a.code, a.err).toBe(0);
    const b = await cli(['run', join(EXAMPLE, 'evaluation.json'), '--out', join(root, 'internal'), '--unsuppressed']);
    expect(b.code, b.err).toBe(0);
    published = JSON.parse(readFileSync(join(publishedDir, 'effect.json'), 'utf8')) as EffectJson;
    internal = JSON.parse(readFileSync(join(root, 'internal/effect.json'), 'utf8')) as EffectJson;
  }, 120_000);

  it('writes the note, JSON and charts', () => {
    const files = readdirSync(publishedDir);
    for (const f of ['effect.json', 'economics.json', 'effect-note.md', 'effect-note.html']) expect(files).toContain(f);
    const charts = readdirSync(join(publishedDir, 'charts'));
    expect(charts.filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(2);
    expect(charts.filter((f) => f.endsWith('.vl.json')).length).toBe(charts.filter((f) => f.endsWith('.svg')).length);
  });

  it.each([
    ['self_supporting_or_education', 15, 73],
    ['ordinary_employment', 19, 95],
  ] as const)('%s: %i/56 vs %i/560 with R’s p-values', (id, x1, x2) => {
    for (const doc of [internal, published]) {
      const o = doc.outcomes[id]!;
      expect([o.participants.events, o.participants.n, o.controls.events, o.controls.n]).toEqual([x1, 56, x2, 560]);
      const r = rRow(x1, 56, x2, 560);
      // Both are sums/tails of exact distributions evaluated in double precision: 1e-9 is R's own agreement level.
      expectRel(o.tests.fisher.p, r.fisher_p, 1e-9, `${id} Fisher p`);
      expectRel(o.tests.z.p, r.z_p, 1e-9, `${id} z-test p`);
      expect(o.difference.method).toBe('newcombe');
      expect(o.difference.ci[0]).toBeLessThan(o.difference.estimate);
      expect(o.difference.ci[1]).toBeGreaterThan(o.difference.estimate);
    }
    // domain.md quotes these to 7 significant digits.
    const quoted = { self_supporting_or_education: [0.00862794, 0.005052875], ordinary_employment: [0.003490395, 0.001828223] }[id];
    expectRel(internal.outcomes[id]!.tests.fisher.p, quoted[0]!, 5e-7, `${id} Fisher p vs domain.md`);
    expectRel(internal.outcomes[id]!.tests.z.p, quoted[1]!, 5e-7, `${id} z p vs domain.md`);
  });

  it('reproduces the example status distribution (internal run) and suppresses small cells in the published one', () => {
    const counts = Object.fromEntries(internal.status_distribution.map((r) => [r.category, [r.participants, r.controls]]));
    expect(counts).toEqual(EXAMPLE_COUNTS);
    for (const row of published.status_distribution) {
      const [p, c] = EXAMPLE_COUNTS[row.category as StatusCategory];
      if (typeof row.participants === 'number') expect(row.participants).toBe(p);
      if (typeof row.controls === 'number') expect(row.controls).toBe(c);
      if (p > 0 && p < 5) expect(row.participants).not.toBe(p);
    }
  });

  it('accounts for every input row', () => {
    for (const f of internal.reconciliation.files) {
      const excluded = Object.values(f.excluded).reduce((a, b) => a + b, 0);
      expect(f.rows_used + excluded).toBe(f.rows_read);
    }
  });
});
