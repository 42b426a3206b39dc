/**
 * The example run end to end through the report stage: golden snapshots of effect-note.md
 * (Danish and English) and effect.json, byte-identical reruns, the privacy scan for every
 * input id, and the internal (unsuppressed) marking.
 *
 * Golden files live in test/golden/example/. After a deliberate change, rewrite them with
 *   UPDATE_GOLDEN=1 npx vitest run test/report/example.test.ts
 * and review the diff. A missing snapshot fails (it is created only with UPDATE_GOLDEN=1,
 * never when CI is set).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/report/charts/render.js';
import type { Count } from '../../src/report/published.js';
import { recoverTable } from './bruteForce.js';
import { GOLDEN, ROOT, exampleWithIds, inputIds, listFiles, runExample } from './helpers.js';

const update = process.env['UPDATE_GOLDEN'] === '1' && !process.env['CI'];

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (update) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden snapshot ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run test/report/example.test.ts and commit test/golden/example/${name}`);
  const expected = readFileSync(path, 'utf8');
  if (actual !== expected) {
    const a = actual.split('\n');
    const e = expected.split('\n');
    const i = a.findIndex((line, k) => line !== e[k]);
    const at = i < 0 ? Math.min(a.length, e.length) : i;
    expect.fail(`${name} differs from the golden snapshot at line ${at + 1}:\n  actual:   ${a[at] ?? '<end>'}\n  expected: ${e[at] ?? '<end>'}\n(UPDATE_GOLDEN=1 rewrites the snapshot after a deliberate change)`);
  }
}

describe('the example effect note', () => {
  let da: Awaited<ReturnType<typeof runExample>>;
  let da2: Awaited<ReturnType<typeof runExample>>;
  let en: Awaited<ReturnType<typeof runExample>>;

  beforeAll(async () => {
    da = await runExample({ lang: 'da' });
    da2 = await runExample({ lang: 'da' });
    en = await runExample({ lang: 'en' });
  });

  it('writes every output the report stage promises', () => {
    const files = listFiles(da.dir);
    for (const f of ['effect.json', 'economics.json', 'effect-note.md', 'effect-note.html']) expect(files).toContain(f);
    for (const chart of ['status', 'effects', 'subgroups', 'cash_flow', 'tornado', 'surplus', 'progression']) {
      expect(files).toContain(`charts/${chart}.vl.json`);
      expect(files).toContain(`charts/${chart}.svg`);
    }
    expect(da.warnings).toEqual([]);
  });

  it('matches the golden effect-note.md (da), effect-note.en.md and effect.json', () => {
    golden('effect-note.md', readFileSync(join(da.dir, 'effect-note.md'), 'utf8'));
    golden('effect-note.en.md', readFileSync(join(en.dir, 'effect-note.md'), 'utf8'));
    golden('effect.json', readFileSync(join(da.dir, 'effect.json'), 'utf8'));
  });

  it('every chart of the run (economics and progression included) compiles with zero warnings', () => {
    const specs = listFiles(da.dir).filter((f) => f.endsWith('.vl.json'));
    expect(specs.length).toBeGreaterThanOrEqual(8);
    for (const f of specs) {
      const { warnings } = compileSpec(JSON.parse(readFileSync(join(da.dir, f), 'utf8')) as TopLevelSpec);
      expect(warnings, f).toEqual([]);
    }
  });

  it('effect.json does not depend on the language of the note', () => {
    expect(readFileSync(join(en.dir, 'effect.json'), 'utf8')).toBe(readFileSync(join(da.dir, 'effect.json'), 'utf8'));
  });

  it('two runs on the same inputs give byte-identical files (charts included)', () => {
    const a = listFiles(da.dir);
    expect(listFiles(da2.dir)).toEqual(a);
    for (const f of a) expect(readFileSync(join(da2.dir, f)).equals(readFileSync(join(da.dir, f))), f).toBe(true);
  });

  it('no person id of any input file appears in any output file', () => {
    const ids = [...inputIds(join(ROOT, 'data/example'))];
    expect(ids.length).toBeGreaterThan(600);
    for (const dir of [da.dir, en.dir]) {
      for (const f of listFiles(dir)) {
        const text = readFileSync(join(dir, f), 'utf8');
        const found = ids.filter((id) => text.includes(id));
        expect(found, `${f} contains input ids`).toEqual([]);
      }
    }
  });

  it('no "<5" in the progression tables can be recovered from the rows, columns and totals (brute force)', () => {
    type Change = { n: Count; positive: Count; unchanged: Count; negative: Count };
    type Item = { change: Change; by_subgroup: { n?: Count; change: Change }[] };
    const json = JSON.parse(readFileSync(join(da.dir, 'effect.json'), 'utf8')) as {
      progression: { who5: Item & { n: number; items: Item[] }; bip: { items: Item[]; indicators: { overall: { change: Change }; by_subgroup: { change: Change }[] }[] } };
    };
    const p = json.progression;
    const tables: [string, Change, Change[]][] = [
      ['who5', p.who5.change, p.who5.by_subgroup.map((g) => g.change)],
      ...p.who5.items.map((it, i): [string, Change, Change[]] => [`who5 item ${i}`, it.change, it.by_subgroup.map((g) => g.change)]),
      ...p.bip.items.map((it, i): [string, Change, Change[]] => [`bip item ${i}`, it.change, it.by_subgroup.map((g) => g.change)]),
      ...p.bip.indicators.map((it, i): [string, Change, Change[]] => [`bip indicator ${i}`, it.overall.change, it.by_subgroup.map((g) => g.change)]),
    ];
    let small = 0;
    for (const [name, overall, rows] of tables) {
      const cols = (c: Change) => [c.positive, c.unchanged, c.negative];
      small += [overall, ...rows].flatMap(cols).filter((c) => c === '<5').length;
      const pinned = recoverTable(rows.map((r) => ({ n: r.n, cells: cols(r) })), cols(overall), overall.n as number, 5);
      expect(pinned, name).toEqual([]);
    }
    expect(small, 'the example has small progression cells to protect').toBeGreaterThan(5);
  });

  it('carries the SHA-256 of the spec, the codebook and every input file', () => {
    const json = JSON.parse(readFileSync(join(da.dir, 'effect.json'), 'utf8')) as { provenance: { spec: { sha256: string }; codebook: { sha256: string }; inputs: { sha256: string }[] } };
    const md = readFileSync(join(da.dir, 'effect-note.md'), 'utf8');
    const hashes = [json.provenance.spec.sha256, json.provenance.codebook.sha256, ...json.provenance.inputs.map((i) => i.sha256)];
    expect(hashes.length).toBeGreaterThanOrEqual(6);
    for (const h of hashes) {
      expect(h).toMatch(/^[0-9a-f]{64}$/);
      expect(md).toContain(h);
    }
  });
});

describe('internal outputs (--unsuppressed)', () => {
  it('say on every page and in every file that they are not for publication', async () => {
    const run = await runExample({ lang: 'da', unsuppressed: true });
    for (const f of listFiles(run.dir)) {
      const text = readFileSync(join(run.dir, f), 'utf8');
      expect(/IKKE OFFENTLIGGØRES|not_for_publication/.test(text), `${f} carries no internal marking`).toBe(true);
    }
    const html = readFileSync(join(run.dir, 'effect-note.html'), 'utf8');
    // Every printed page: the marking is in the @page margin box.
    expect(html).toMatch(/@top-center \{ content: "INTERNT – MÅ IKKE OFFENTLIGGØRES"/);
    const json = JSON.parse(readFileSync(join(run.dir, 'effect.json'), 'utf8')) as { not_for_publication?: boolean; suppression: { applied: boolean } };
    expect(json.not_for_publication).toBe(true);
    expect(json.suppression.applied).toBe(false);
  });
});

describe('privacy scan on a cohort with unusual ids', () => {
  it('no input id appears in any output, whatever it looks like', async () => {
    const shapes = [(i: number) => `Ø-${i}-æ`, (i: number) => `id ${i} x`, (i: number) => `<i>${i}</i>`, (i: number) => `#${String(i).padStart(6, '0')}#`, (i: number) => `"q${i}"`, (i: number) => `a,b${i}`];
    const cohort = exampleWithIds((_id, i) => (shapes[i % shapes.length] as (i: number) => string)(i + 1000));
    const run = await runExample({ spec: cohort.spec, lang: 'da' });
    const ids = [...cohort.ids.values()];
    for (const f of listFiles(run.dir)) {
      const text = readFileSync(join(run.dir, f), 'utf8');
      const found = ids.filter((id) => text.includes(id) || text.includes(JSON.stringify(id).slice(1, -1)));
      expect(found.slice(0, 5), `${f} contains input ids`).toEqual([]);
    }
  });
});
