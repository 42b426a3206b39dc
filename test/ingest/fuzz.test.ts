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

/**
 * Seeded fuzzing: thousands of mutated copies of a small valid cohort. Every run must end
 * in a result whose reconciliation adds up, or in an EffektError whose message and detail
 * lines are single lines; anything else (a TypeError, a stack trace, a hang) is a bug.
 * Every fourth run splits the panels into byte ranges, to fuzz the parallel path too.
 */
const RUNS = 1500;
const NAMES = ['participants.csv', 'controls.csv', 'benefits_weekly.csv', 'wages_monthly.csv'] as const;
const TOKENS = ['', 'NA', '-1', '0', '2022-W99', '2022W01', '202253', '2021-02-29', '31.12.2022', '1e5', '1,5', '"', '""', 'P1', 'K1', 'X9', '999', '\u00e6\u00f8\u00e5', ' ', '-', '2022-13', '20221', 'x'.repeat(3000)];
const SPECIAL = [44, 59, 9, 34, 10, 13, 0, 0xff, 0xc3, 0xe6, 0x80, 32];

function mutate(rng: Random, input: Buffer): Buffer {
  let b = input;
  const steps = rng.int(1, 3);
  for (let s = 0; s < steps; s++) {
    const at = b.length ? rng.int(0, b.length - 1) : 0;
    switch (rng.int(0, 9)) {
      case 0: {
        b = Buffer.from(b);
        if (b.length) b[at] = rng.int(0, 255);
        break;
      }
      case 1:
        b = Buffer.concat([b.subarray(0, at), Buffer.from([rng.pick(SPECIAL)]), b.subarray(at)]);
        break;
      case 2:
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + rng.int(1, 40)))]);
        break;
      case 3:
        b = b.subarray(0, at);
        break;
      case 4: {
        const lines = b.toString('latin1').split('\n');
        const k = rng.int(0, lines.length - 1);
        lines.splice(rng.int(0, lines.length), 0, lines[k]!);
        b = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 5: {
        const lines = b.toString('latin1').split('\n');
        const i = rng.int(0, lines.length - 1);
        const j = rng.int(0, lines.length - 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        b = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 6:
        b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
        break;
      case 7: {
        // Replace one field by a token.
        const text = b.toString('latin1');
        const fields = text.split(/([,\n])/);
        const k = rng.int(0, fields.length - 1);
        if (fields[k] !== ',' && fields[k] !== '\n') fields[k] = rng.pick(TOKENS);
        b = Buffer.from(fields.join(''), 'latin1');
        break;
      }
      case 8:
        b = Buffer.from(b.toString('latin1').replaceAll('\n', '\r\n').replaceAll(',', rng.chance(0.5) ? ';' : '\t'), 'latin1');
        break;
      default: {
        // Quote a random stretch.
        const end = Math.min(b.length, at + rng.int(0, 20));
        b = Buffer.concat([b.subarray(0, at), Buffer.from('"'), b.subarray(at, end), Buffer.from(rng.chance(0.7) ? '"' : ''), b.subarray(end)]);
      }
    }
  }
  return b;
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
    const outcomes = { ok: 0, errors: 0 };
    for (const name of NAMES) writeFileSync(join(dir, name), base[name]);
    let previous: (typeof NAMES)[number] | null = null;
    for (let run = 0; run < RUNS; run++) {
      const target = rng.pick(NAMES);
      if (previous && previous !== target) writeFileSync(join(dir, previous), base[previous]);
      writeFileSync(join(dir, target), mutate(rng, base[target]));
      previous = target;
      try {
        const r = await ingestAll(loaded, run % 4 === 0 ? { threads: 3, parallelMinBytes: 0 } : {}, codebook);
        for (const f of [...r.cohortIngest.files, r.benefits.file, r.wages.file]) {
          if (!balanced(f)) throw new Error(`run ${run} (${target}): ${f.file} does not add up: ${JSON.stringify(f)}`);
        }
        outcomes.ok++;
      } catch (e) {
        if (!(e instanceof EffektError)) throw new Error(`run ${run} (${target}) crashed: ${e instanceof Error ? e.stack : String(e)}\n--- input ---\n${readFileSync(join(dir, target), 'latin1').slice(0, 2000)}`);
        for (const line of [e.line, ...e.details]) expect(line, `run ${run}`).not.toMatch(/[\r\n]/);
        expect(e.details.length, `run ${run}`).toBeLessThanOrEqual(20);
        outcomes.errors++;
      }
    }
    // Both kinds of ending occur, so the mutations neither always break nor never break the input.
    expect(outcomes.ok).toBeGreaterThan(RUNS / 20);
    expect(outcomes.errors).toBeGreaterThan(RUNS / 20);
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
