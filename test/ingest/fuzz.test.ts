import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EffektError } from '../../src/errors.js';
import { loadCodebook, parseCodebook } from '../../src/ingest/index.js';
import { loadSpec } from '../../src/spec/load.js';
import type { FileReconciliation } from '../../src/types.js';
import { Random } from '../../src/util/random.js';
import { CODEBOOK, ingestAll } from './helpers.js';
import { files } from './fixtures.js';
import { mutate } from '../support/mutate.js';

/**
 * Seeded fuzzing: thousands of mutated copies of a small valid cohort. Every run must end
 * in a result whose reconciliation adds up, or in an EffektError whose message and detail
 * lines are single lines; anything else (a TypeError, a stack trace, a hang) is a bug.
 * Every fourth run also splits the panels into byte ranges, as large files are read in
 * parallel, and must end exactly as the unsplit read: the same panels and reconciliation,
 * or the same error (a range boundary must never change a result or a line number).
 */
const RUNS = 1500;
const NAMES = ['participants.csv', 'controls.csv', 'benefits_weekly.csv', 'wages_monthly.csv'] as const;
type Ingested = Awaited<ReturnType<typeof ingestAll>>;

/** What a run produced, as comparable text: the panels person by person, reconciliation, warnings; or the error. */
async function ending(run: () => Promise<Ingested>): Promise<{ text: string; result?: Ingested; error?: EffektError }> {
  try {
    const r = await run();
    const { benefits: b, wages: w } = r;
    const text = JSON.stringify({
      files: [...r.cohortIngest.files, b.file, w.file],
      warnings: [...r.cohortIngest.warnings, ...b.warnings, ...w.warnings],
      benefits: { byPerson: b.byPerson, coverage: b.coverage, unknown: b.unknown_codes, outside: [...b.outside_coverage] },
      wages: { hours: [...w.byPerson.hours], income: [...w.byPerson.income], rows: [...w.byPerson.rows], outside: [...w.byPerson.outside], coverage: w.coverage },
    });
    return { text, result: r };
  } catch (e) {
    if (!(e instanceof EffektError)) throw e;
    return { text: JSON.stringify({ error: e.line, details: e.details }), error: e };
  }
}

function balanced(f: FileReconciliation): boolean {
  return f.rows_used + Object.values(f.excluded).reduce((a, b) => a + b, 0) === f.rows_read;
}

describe('fuzzing the ingest stage', () => {
  it(`${RUNS} mutated cohorts: a result or one-line EffektError, never a crash`, async () => {
    const rng = new Random(20240404);
    const dir = mkdtempSync(join(tmpdir(), 'effekt-fuzz-'));
    const base = Object.fromEntries(Object.entries(files()).map(([k, v]) => [k, Buffer.from(v)])) as Record<(typeof NAMES)[number], Buffer>;
    writeFileSync(
      join(dir, 'evaluation.json'),
      JSON.stringify({ inputs: { participants: 'participants.csv', controls: 'controls.csv', benefits: 'benefits_weekly.csv', wages: 'wages_monthly.csv' }, codebook: CODEBOOK }),
    );
    const loaded = loadSpec(join(dir, 'evaluation.json'));
    const codebook = loadCodebook(CODEBOOK, 'illustrative.json');
    const outcomes = { ok: 0, errors: 0, split: 0 };
    for (const name of NAMES) writeFileSync(join(dir, name), base[name]);
    let previous: (typeof NAMES)[number] | null = null;
    for (let run = 0; run < RUNS; run++) {
      const target = rng.pick(NAMES);
      if (previous && previous !== target) writeFileSync(join(dir, previous), base[previous]);
      writeFileSync(join(dir, target), mutate(rng, base[target]));
      previous = target;
      const input = (): string => `\n--- input ---\n${readFileSync(join(dir, target), 'latin1').slice(0, 2000)}`;
      let end: Awaited<ReturnType<typeof ending>>;
      try {
        end = await ending(() => ingestAll(loaded, {}, codebook));
      } catch (e) {
        throw new Error(`run ${run} (${target}) crashed: ${e instanceof Error ? e.stack : String(e)}${input()}`);
      }
      if (end.result) {
        for (const f of [...end.result.cohortIngest.files, end.result.benefits.file, end.result.wages.file]) {
          if (!balanced(f)) throw new Error(`run ${run} (${target}): ${f.file} does not add up: ${JSON.stringify(f)}`);
        }
        outcomes.ok++;
      } else {
        const e = end.error!;
        for (const line of [e.line, ...e.details]) expect(line, `run ${run}`).not.toMatch(/[\r\n]/);
        expect(e.details.length, `run ${run}`).toBeLessThanOrEqual(20);
        outcomes.errors++;
      }
      if (run % 4 === 0) {
        let split: Awaited<ReturnType<typeof ending>>;
        try {
          split = await ending(() => ingestAll(loaded, { threads: 3, parallelMinBytes: 0 }, codebook));
        } catch (e) {
          throw new Error(`run ${run} (${target}), split into ranges, crashed: ${e instanceof Error ? e.stack : String(e)}${input()}`);
        }
        if (split.text !== end.text) expect(split.text, `run ${run} (${target}): split into ranges ≠ read whole${input()}`).toBe(end.text);
        outcomes.split++;
      }
    }
    // Both kinds of ending occur, so the mutations neither always break nor never break the input.
    expect(outcomes.ok).toBeGreaterThan(RUNS / 20);
    expect(outcomes.errors).toBeGreaterThan(RUNS / 20);
    expect(outcomes.split).toBe(RUNS / 4);
  });

  it('mutated codebooks: parsed or one-line EffektError', () => {
    const rng = new Random(7);
    const raw = Buffer.from(readFileSync(CODEBOOK));
    for (let run = 0; run < 2000; run++) {
      const text = mutate(rng, raw).toString('utf8');
      try {
        parseCodebook(text, 'cb.json');
      } catch (e) {
        if (!(e instanceof EffektError)) throw new Error(`codebook run ${run} crashed: ${String(e)}`);
        expect(e.line).not.toMatch(/[\r\n]/);
      }
    }
  });
});
