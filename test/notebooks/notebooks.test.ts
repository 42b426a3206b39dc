/**
 * The notebooks in notebooks/ are executed headlessly (Jupyter's nbclient with Deno's
 * TypeScript kernel, importing the built package) and must run without a failing cell,
 * show their charts and reproduce the example's figures: the statistics against R
 * (test/reference/stats.json, written by test/reference/stats.R), the economics against the
 * catalogue's published figures (data/reference/sib-catalogue.economics.json) and against
 * the library called directly from src/.
 *
 * Prerequisites: Debian's jupyter-nbconvert + jupyter-client and the deno devDependency.
 * Outside CI the suite is skipped, with the reason, when one is missing; in CI it fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  executeNotebooks,
  findPrerequisites,
  notebookPaths,
  readNotebook,
  REPO,
  sourceOf,
  type Executed,
  type Notebook,
} from '../../notebooks/tools/jupyter.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { effectInputFor } from '../../src/pipeline/economicsInput.js';
import { DEFAULT_SEED } from '../../src/pipeline/run.js';
import { loadSpec } from '../../src/spec/load.js';
import { ensureFreshDist } from '../support/dist.js';
import { loadEconomicsParameters, runEconomics, type EconomicsResult } from '../../src/economics/index.js';

const prerequisites = findPrerequisites();
const ready = prerequisites.missing.length === 0;
const inCi = Boolean(process.env.CI);
if (!ready && !inCi) {
  console.warn(`notebooks: skipped, missing ${prerequisites.missing.join('; ')} (in CI this fails)`);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface RTable {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  confidence: number;
  [key: string]: Json;
}

const rTables = (JSON.parse(readFileSync(join(REPO, 'test/reference/stats.json'), 'utf8')) as { tables: RTable[] }).tables;
const catalogue = JSON.parse(readFileSync(join(REPO, 'data/reference/sib-catalogue.economics.json'), 'utf8')) as {
  catalogue_reference: Record<string, number | string | Record<string, number>>;
};

function rTable(x1: number, n1: number, x2: number, n2: number): RTable {
  const t = rTables.find((r) => r.x1 === x1 && r.n1 === n1 && r.x2 === x2 && r.n2 === n2 && Math.abs(r.confidence - 0.95) < 1e-12);
  if (!t) throw new Error(`test/reference/stats.json has no table for ${x1}/${n1} vs ${x2}/${n2} at 95 %`);
  return t;
}

function path(t: Json, ...keys: (string | number)[]): number {
  let v: Json = t;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') throw new Error(`reference: no ${keys.join('.')}`);
    v = (v as Record<string, Json>)[k] ?? null;
  }
  if (typeof v !== 'number') throw new Error(`reference: ${keys.join('.')} is not a number`);
  return v;
}

/** Fails with actual, expected and tolerance. `rel` is a fraction of |expected|; `abs` an absolute bound. */
function close(label: string, actual: number | null | undefined, expected: number, tol: { rel?: number; abs?: number }): void {
  const allowed = Math.max((tol.rel ?? 0) * Math.abs(expected), tol.abs ?? 0);
  if (actual === null || actual === undefined || !Number.isFinite(actual) || Math.abs(actual - expected) > allowed) {
    throw new Error(`${label}: actual ${actual}, expected ${expected}, tolerance ${allowed}${tol.rel ? ` (${tol.rel} relative)` : ''}`);
  }
}

/** "to 6 significant digits": half a unit in the 6th digit. */
const SIX_DIGITS = { rel: 5e-7 };

function codeCells(nb: Notebook) {
  return nb.cells.filter((c) => c.cell_type === 'code');
}

function figuresOf(nb: Notebook): Record<string, number | null> {
  const cell = nb.cells.find((c) => c.metadata.tags?.includes('figures'));
  const data = cell?.outputs?.find((o) => o.data?.['application/json'] !== undefined)?.data?.['application/json'];
  if (!data || typeof data !== 'object') throw new Error('the notebook has no "figures" output');
  return data as Record<string, number | null>;
}

function svgCount(nb: Notebook): number {
  return codeCells(nb).flatMap((c) => c.outputs ?? []).filter((o) => o.data?.['image/svg+xml'] !== undefined).length;
}

describe.runIf(ready || inCi)('notebooks (Jupyter + Deno kernel, headless)', () => {
  let outDir = '';
  let run: Executed;
  const executed = new Map<string, Notebook>();

  beforeAll(async () => {
    if (!ready) throw new Error(`cannot execute the notebooks in CI: missing ${prerequisites.missing.join('; ')}`);
    // The notebooks import the built package (effekt → dist/): rebuild when src/ is newer.
    ensureFreshDist();
    outDir = mkdtempSync(join(tmpdir(), 'effekt-notebooks-'));
    run = await executeNotebooks(notebookPaths(), { outDir });
    for (const out of run.outputs) executed.set(basename(out), readNotebook(out));
  }, 240_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('finds the two notebooks', () => {
    expect(notebookPaths().map((p) => basename(p))).toEqual(['reference-evaluation.ipynb', 'vary-assumptions.ipynb']);
  });

  it('executes every cell of every notebook without an error', () => {
    expect(run.ok, `a cell failed:\n${run.log}`).toBe(true);
    for (const [name, nb] of executed) {
      for (const cell of codeCells(nb)) {
        const where = `${name}, cell starting "${sourceOf(cell).split('\n')[0]}"`;
        expect(cell.execution_count, `${where}: not executed`).toBeTypeOf('number');
        expect(cell.outputs?.filter((o) => o.output_type === 'error') ?? [], `${where}: error output`).toEqual([]);
        // Every cell shows something; a warning on stderr (e.g. from Vega) means a chart is off.
        expect(cell.outputs?.length ?? 0, `${where}: no output`).toBeGreaterThan(0);
        expect(cell.outputs?.filter((o) => o.output_type === 'stream') ?? [], `${where}: printed to stdout/stderr`).toEqual([]);
      }
    }
  });

  it('shows its charts (SVG rendered by Vega)', () => {
    expect(svgCount(executed.get('reference-evaluation.ipynb')!)).toBe(2);
    expect(svgCount(executed.get('vary-assumptions.ipynb')!)).toBe(5);
  });

  describe('reference-evaluation.ipynb reproduces the example', () => {
    let f: Record<string, number | null>;
    beforeAll(() => {
      f = figuresOf(executed.get('reference-evaluation.ipynb')!);
    });

    it('counts 15/56 vs 73/560 and 19/56 vs 95/560', () => {
      expect([f.sse_participants_events, f.sse_participants_n, f.sse_controls_events, f.sse_controls_n]).toEqual([15, 56, 73, 560]);
      expect([f.oe_participants_events, f.oe_participants_n, f.oe_controls_events, f.oe_controls_n]).toEqual([19, 56, 95, 560]);
    });

    it("Fisher and z-test p and Newcombe's interval as R (6 significant digits)", () => {
      for (const [prefix, t] of [
        ['sse', rTable(15, 56, 73, 560)],
        ['oe', rTable(19, 56, 95, 560)],
      ] as const) {
        close(`${prefix} Fisher p`, f[`${prefix}_fisher_p`], path(t, 'fisher', 'two-sided', 'p'), SIX_DIGITS);
        close(`${prefix} z-test p`, f[`${prefix}_z_p`], path(t, 'z', 'two-sided', 'p'), SIX_DIGITS);
        close(`${prefix} Newcombe lower`, f[`${prefix}_newcombe_lower`], path(t, 'newcombe', 0), SIX_DIGITS);
        close(`${prefix} Newcombe upper`, f[`${prefix}_newcombe_upper`], path(t, 'newcombe', 1), SIX_DIGITS);
      }
      // The published values quoted in docs/domain.md §2, as a readable anchor.
      close('sse Fisher p (R 0.00862794)', f.sse_fisher_p, 0.00862794, SIX_DIGITS);
    });

    it("the catalogue's budget account, payment and break-evens (1 % for amounts, published rounding otherwise)", () => {
      const ref = catalogue.catalogue_reference;
      const num = (k: string): number => {
        const v = ref[k];
        if (typeof v !== 'number') throw new Error(`catalogue_reference.${k} is not a number`);
        return v;
      };
      for (const k of ['municipal_saving_per_participant', 'provider_cost_per_participant', 'surplus_per_participant', 'socio_economic_surplus_per_participant', 'investor_share_amount', 'payment_per_participant', 'payment_per_gross_employed']) {
        close(k, f[`catalogue_${k}`], num(k), { rel: 0.01 });
      }
      close('investor break-even gross rate', f.catalogue_investor_break_even_gross_rate, num('investor_break_even_gross_rate'), { abs: 0.01 });
      close('break-even yearly decay', f.catalogue_break_even_annual_decay, num('break_even_annual_decay'), { abs: 0.005 });
      close('break-even effort saving', f.catalogue_break_even_effort_saving_share, num('break_even_effort_saving_share'), { abs: 0.005 });
      close('break-even net effect', f.catalogue_break_even_net_effect, num('break_even_net_effect'), { abs: 0.005 });
      close('years to break-even', f.catalogue_years_to_municipal_break_even, num('years_to_municipal_break_even'), { abs: 0.5 });
    });
  });

  describe('vary-assumptions.ipynb', () => {
    let f: Record<string, number | null>;
    let library: { economics: EconomicsResult; counts: Map<number, Record<string, [number, number, number, number]>> };
    beforeAll(async () => {
      f = figuresOf(executed.get('vary-assumptions.ipynb')!);
      // The same variations through the library's source, independently of the notebook.
      const loaded = loadSpec(join(REPO, 'data/example/evaluation.json'));
      const counts = new Map<number, Record<string, [number, number, number, number]>>();
      let base: Awaited<ReturnType<typeof evaluate>> | undefined;
      for (const months of [1, 2, 3, 6]) {
        const r = await evaluate({ ...loaded, spec: { ...loaded.spec, follow_up: { months_after_end: months } } }, { boschloo: false });
        if (months === 2) base = r;
        counts.set(months, Object.fromEntries(Object.values(r.evaluation.outcomes).map((o) => [o.id, [o.participants.events, o.participants.n, o.controls.events, o.controls.n]])));
      }
      const econ = loaded.spec.economics!;
      const params = loadEconomicsParameters(join(loaded.dir, econ.parameters));
      library = { economics: runEconomics(params, effectInputFor(base!, econ.paying_outcome), { seed: DEFAULT_SEED, draws: 200 }), counts };
    }, 60_000);

    it('the four interval methods for both outcomes as R (6 significant digits)', () => {
      for (const [id, t] of [
        ['self_supporting_or_education', rTable(15, 56, 73, 560)],
        ['ordinary_employment', rTable(19, 56, 95, 560)],
      ] as const) {
        for (const method of ['newcombe', 'miettinen_nurminen', 'agresti_caffo', 'wald']) {
          close(`${id} ${method} lower`, f[`${id}.${method}.lower`], path(t, method, 0), SIX_DIGITS);
          close(`${id} ${method} upper`, f[`${id}.${method}.upper`], path(t, method, 1), SIX_DIGITS);
        }
      }
    });

    it('re-evaluates at 1, 2, 3 and 6 months after the end as the library does; 2 months gives the reference counts', () => {
      for (const [months, byOutcome] of library.counts) {
        for (const [id, want] of Object.entries(byOutcome)) {
          const got = ['x1', 'n1', 'x2', 'n2'].map((k) => f[`months_${months}.${id}.${k}`]);
          expect(got, `${months} months, ${id}`).toEqual(want);
        }
      }
      expect(library.counts.get(2)).toEqual({ self_supporting_or_education: [15, 56, 73, 560], ordinary_employment: [19, 56, 95, 560] });
    });

    it('the decay grid and the split grid pass through the reference economics', () => {
      const e = library.economics;
      close('surplus at 2 constant years, 15 % decay', f['surplus.constant_2.decay_0.150'], e.budget.surplus_per_participant, { rel: 1e-9 });
      close('payment at a 50 % investor share', f['payment_per_participant.share_0.5'], e.payment.payment_per_participant, { rel: 1e-9 });
      close('break-even yearly decay', f.break_even_annual_decay, e.break_even.annual_decay!, { rel: 1e-9 });
      // With no investor share the municipality pays exactly the provider's cost.
      close('payment at a 0 % investor share', f['payment_per_participant.share_0.0'], e.budget.provider_cost_per_participant, { rel: 1e-9 });
    });
  });
});

if (!ready && !inCi) {
  describe('notebooks', () => {
    it.skip(`skipped: missing ${prerequisites.missing.join('; ')}`, () => undefined);
  });
}
