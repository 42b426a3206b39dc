import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyExample, editFile } from './helpers.js';

/** A user error is exactly one line on stderr and exit code 2, never a stack trace. */
function expectOneLineError(r: { code: number; err: string }, expected: string) {
  expect(r.code).toBe(2);
  expect(r.err).toBe(`${expected}\n`);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('effekt run: invalid input', () => {
  it('names a missing input file', async () => {
    const { dir, spec } = copyExample();
    rmSync(join(dir, 'wages_monthly.csv'));
    const r = await cli(['run', spec, '--out', join(dir, 'out')]);
    expectOneLineError(r, 'effekt: wages_monthly.csv: cannot read file (no such file)');
  });

  it('names a missing column and the columns found', async () => {
    const { dir, spec } = copyExample();
    editFile(join(dir, 'participants.csv'), (t) => t.replace(/^person_id,municipality,start_date,end_date,/, 'person_id,municipality,start_date,slut_dato,'));
    const r = await cli(['run', spec, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.err).toMatch(/^effekt: participants\.csv:1: missing column "end_date"/);
  });

  it('points at an unparseable date with line and column', async () => {
    const { dir, spec } = copyExample();
    editFile(join(dir, 'participants.csv'), (t) => {
      const lines = t.split('\n');
      const cells = lines[3]!.split(',');
      cells[3] = '2022-13-45';
      lines[3] = cells.join(',');
      return lines.join('\n');
    });
    const r = await cli(['run', spec, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.err).toMatch(/^effekt: participants\.csv:4:4: .*"2022-13-45"/);
  });

  it('rejects a spec that is not valid JSON or breaks the schema', async () => {
    const { spec } = copyExample();
    editFile(spec, (t) => t.replace('"language": "da"', '"language": "de"'));
    const r = await cli(['run', spec]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^effekt: .*evaluation\.json: invalid spec: report\.language: /);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('reports a missing spec file, unknown options and commands in one line', async () => {
    expectOneLineError(await cli(['run', 'nope/evaluation.json']), 'effekt: nope/evaluation.json: cannot read the spec file (no such file)');
    const r = await cli(['run', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^effekt: run: Unknown option '--bogus'/);
    expectOneLineError(await cli(['frobnicate']), 'effekt: unknown command "frobnicate" (see effekt --help)');
  });

  it('treats a negative count as a count to reject, not as an unknown option', async () => {
    expectOneLineError(await cli(['compare', '15/56', '-1/10']), 'effekt: compare: controls "-1/10" is not <events>/<n> with whole numbers, e.g. 15/56');
  });

  it('names an output folder that cannot be made, before it reads the register files', async () => {
    const { dir, spec } = copyExample();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const target = join(file, 'report');
    expectOneLineError(await cli(['run', spec, '--out', target]), `effekt: cannot write ${target} (a part of the path is a file, not a folder)`);
    expectOneLineError(await cli(['statement', spec, '--period', 'all', '--out', target]), `effekt: cannot write ${target} (a part of the path is a file, not a folder)`);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('rejects a thread count that is not a whole number ≥ 1', async () => {
    expectOneLineError(await cli(['run', 'data/example/evaluation.json', '--threads', '0']), 'effekt: run: --threads must be a whole number ≥ 1, not "0"');
    expectOneLineError(await cli(['check', 'data/example/evaluation.json', '--threads', '2.5']), 'effekt: check: --threads must be a whole number ≥ 1, not "2.5"');
    expectOneLineError(await cli(['statement', 'data/example/evaluation.json', '--period', 'all', '--threads', 'x']), 'effekt: statement: --threads must be a whole number ≥ 1, not "x"');
  });

  it('gives an option a negative value as typed (a valid seed -5; a wrong --lang named as given)', async () => {
    expectOneLineError(await cli(['run', 'nope/evaluation.json', '--seed', '-5']), 'effekt: nope/evaluation.json: cannot read the spec file (no such file)');
    expectOneLineError(await cli(['run', 'nope/evaluation.json', '--lang', '-1']), 'effekt: run: --lang must be da or en, not "-1"');
  });

  it('prints help for effekt --help and effekt run --help', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toContain('Usage: effekt <command>');
    expect(top.out).toContain('run ');
    const sub = await cli(['run', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('Usage: effekt run <spec.json>');
  });
});
