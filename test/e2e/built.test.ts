/**
 * The built package as users run it: `bin/effekt.js` (the esbuild bundle in dist/bin/,
 * compiled from V8's code cache)
 * and the panel reading threads, which exist only in the compiled package (under the
 * test runner's TypeScript loader every range is read on the main thread). Runs in
 * child processes against dist/, rebuilt first when src/ is newer.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/util/random.js';
import { files } from '../ingest/fixtures.js';
import { ensureFreshDist, REPO } from '../support/dist.js';
import { mutate } from '../support/mutate.js';
import { generatePanel } from '../../scripts/generate-panel.js';
import { cli, copyExample, editFile } from './helpers.js';
import { hashFile } from '../../src/pipeline/hashing.js';

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'effekt-built-'));
  dirs.push(d);
  return d;
};

type IngestSettings = { threads: number; parallelMinBytes?: number };

/** `evaluate` from dist/ in a child process, with the given ingest options; the evaluation as JSON. */
function evaluateBuilt(spec: string, options: IngestSettings): { status: number | null; json: string; stderr: string } {
  const script = `
    import { loadSpec } from ${JSON.stringify(join(REPO, 'dist/spec/load.js'))};
    import { evaluate } from ${JSON.stringify(join(REPO, 'dist/pipeline/evaluate.js'))};
    try {
      const run = await evaluate(loadSpec(${JSON.stringify(spec)}), ${JSON.stringify(options)});
      process.stdout.write(JSON.stringify(run.evaluation));
    } catch (e) {
      process.stderr.write(e.line ?? String(e));
      process.exitCode = 2;
    }
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: r.status, json: r.stdout, stderr: r.stderr };
}

/**
 * How each spec's evaluation ends under each of the settings, in one child process: the
 * evaluation as JSON, `error: <line>` for a user error, or `crash: <stack>` for anything else.
 */
function endingsBuilt(specs: readonly string[], settings: readonly IngestSettings[]): string[][] {
  const script = `
    import { loadSpec } from ${JSON.stringify(join(REPO, 'dist/spec/load.js'))};
    import { evaluate } from ${JSON.stringify(join(REPO, 'dist/pipeline/evaluate.js'))};
    const out = [];
    for (const spec of ${JSON.stringify(specs)}) {
      const row = [];
      for (const options of ${JSON.stringify(settings)}) {
        try {
          row.push(JSON.stringify((await evaluate(loadSpec(spec), options)).evaluation));
        } catch (e) {
          row.push(e.name === 'EffektError' ? 'error: ' + e.line + ' ' + JSON.stringify(e.details) : 'crash: ' + (e.stack ?? String(e)));
        }
      }
      out.push(row);
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`child process failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

beforeAll(() => ensureFreshDist(), 180_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bin/effekt.js (the bundled CLI)', () => {
  it('writes the same files, byte for byte, as the CLI run from source', async () => {
    const bundled = temp();
    const source = temp();
    const spec = join(REPO, 'data/example/evaluation.json');
    const r = spawnSync(process.execPath, [join(REPO, 'bin/effekt.js'), 'run', spec, '--out', bundled], { cwd: REPO, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^effekt: wrote \d+ files to /);
    const fromSource = await cli(['run', spec, '--out', source]);
    expect(fromSource.code, fromSource.err).toBe(0);
    const files = (d: string): string[] => readdirSync(d, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name).slice(d.length + 1)).sort();
    expect(files(bundled)).toEqual(files(source));
    for (const f of files(source)) expect(readFileSync(join(bundled, f), 'utf8'), f).toBe(readFileSync(join(source, f), 'utf8'));
  });

  it('prints stage timings with --timings, one line per stage', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'bin/effekt.js'), 'run', join(REPO, 'data/example/evaluation.json'), '--out', temp(), '--timings'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const stages = [...r.stderr.matchAll(/^effekt: timing: (.+) \d+ ms$/gm)].map((m) => m[1]);
    expect(stages).toEqual(['start-up', 'cohort', 'panels', 'outcomes', 'statistics', 'provenance', 'economics', 'progression', 'targets', 'report']);
  });

  it('reports a user error as one line and exit code 2, with no stack trace', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'bin/effekt.js'), 'run', 'no-such-spec.json'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('effekt: no-such-spec.json: cannot read the spec file (no such file)\n');
  });
});

describe("the bundle's code cache (dist/bin/main.cache)", () => {
  it('fits this Node: the build made it for the bundle it compiles', () => {
    const script = `import { loadCli } from ${JSON.stringify(join(REPO, 'bin/loadCli.js'))}; process.stdout.write(String(loadCli().script.cachedDataRejected));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stdout, r.stderr).toBe('false');
  });

  it('is ignored when it does not fit or is missing: the same files, byte for byte', () => {
    const run = (root: string): string => {
      const out = temp();
      const r = spawnSync(process.execPath, [join(root, 'bin/effekt.js'), 'run', join(REPO, 'data/example/evaluation.json'), '--out', out], { cwd: REPO, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return out;
    };
    const copyOf = (cache: Buffer | null): string => {
      const root = temp();
      cpSync(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
      cpSync(join(REPO, 'dist/bin'), join(root, 'dist/bin'), { recursive: true });
      cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
      if (cache) writeFileSync(join(root, 'dist/bin/main.cache'), cache);
      else rmSync(join(root, 'dist/bin/main.cache'));
      return root;
    };
    const expected = run(REPO);
    const files = (d: string): string[] => readdirSync(d, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name).slice(d.length + 1)).sort();
    for (const [what, cache] of [['a cache of another build', Buffer.from('not a code cache'.repeat(64))], ['no cache', null]] as const) {
      const got = run(copyOf(cache));
      expect(files(got), what).toEqual(files(expected));
      for (const f of files(expected)) expect(readFileSync(join(got, f), 'utf8'), `${what}: ${f}`).toBe(readFileSync(join(expected, f), 'utf8'));
    }
  });
});

describe('bin/effekt.js before a build', () => {
  it('says in one line, with exit code 2, that the CLI is not built', () => {
    const root = temp();
    cpSync(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
    cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
    const r = spawnSync(process.execPath, [join(root, 'bin/effekt.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('effekt: the CLI is not built yet (dist/bin/main.cjs is missing); run `npm ci` or `npm run build` first\n');
  });
});

describe('panel reading threads (compiled package only)', () => {
  it('give the same evaluation with 1, 2 and 3 threads, every file in many ranges', () => {
    const spec = join(REPO, 'data/example/evaluation.json');
    const one = evaluateBuilt(spec, { threads: 1 });
    expect(one.status, one.stderr).toBe(0);
    for (const threads of [2, 3]) {
      const many = evaluateBuilt(spec, { threads, parallelMinBytes: 0 });
      expect(many.status, many.stderr).toBe(0);
      expect(JSON.parse(many.json)).toEqual(JSON.parse(one.json));
    }
  });

  it('report the same first error, at the same line, as one thread', () => {
    const { dir, spec } = copyExample();
    dirs.push(join(dir, '..'));
    // A bad week far into the file: a range read by a worker thread meets it.
    editFile(join(dir, 'benefits_weekly.csv'), (text) => {
      const lines = text.split('\n');
      const at = Math.floor(lines.length * 0.8);
      lines[at] = lines[at]!.replace(/,(\d{4})-W(\d\d),/, ',$1-W99,');
      return lines.join('\n');
    });
    const one = evaluateBuilt(spec, { threads: 1 });
    const many = evaluateBuilt(spec, { threads: 3, parallelMinBytes: 0 });
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/^benefits_weekly\.csv:\d+:2: cannot read week "\d{4}-W99"/);
    expect(many.status).toBe(2);
    expect(many.stderr).toBe(one.stderr);
  });

  it('read panels with every field quoted (as R and Excel write them) in parallel, to the same evaluation', () => {
    const { dir, spec } = copyExample();
    dirs.push(join(dir, '..'));
    const plain = evaluateBuilt(spec, { threads: 1 });
    for (const name of ['benefits_weekly.csv', 'wages_monthly.csv']) {
      editFile(join(dir, name), (text) => text.replace(/^(.*)$/gm, (line) => (line === '' ? line : line.split(',').map((f) => `"${f}"`).join(';'))));
    }
    const one = evaluateBuilt(spec, { threads: 1 });
    const many = evaluateBuilt(spec, { threads: 3, parallelMinBytes: 0 });
    expect(one.status, one.stderr).toBe(0);
    expect(many.status, many.stderr).toBe(0);
    expect(JSON.parse(many.json)).toEqual(JSON.parse(one.json));
    // Apart from the files' hashes, the same evaluation as the unquoted files give.
    const withoutHashes = (json: string): unknown => ({ ...JSON.parse(json), provenance: undefined });
    expect(withoutHashes(many.json)).toEqual(withoutHashes(plain.json));
  });

  it('write the same files with --threads 1 and --threads 3 on a 51 MB panel (2.5 million rows: read in parallel)', () => {
    const dir = temp();
    const { spec } = generatePanel({ dir, persons: 48_000, weeks: 52, participants: 300, controls: 47_000, outsiders: 1_000, codebook: join(REPO, 'data/codebooks/illustrative.json') });
    const outs = [1, 3].map((threads) => {
      const out = temp();
      const r = spawnSync(process.execPath, [join(REPO, 'bin/effekt.js'), 'run', spec, '--out', out, '--threads', String(threads)], { cwd: REPO, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    const files = (d: string): string[] => readdirSync(d, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name).slice(d.length + 1)).sort();
    expect(files(outs[1]!)).toEqual(files(outs[0]!));
    for (const f of files(outs[0]!)) expect(readFileSync(join(outs[1]!, f), 'utf8'), f).toBe(readFileSync(join(outs[0]!, f), 'utf8'));
    // The inputs (over 32 MB) were hashed by the worker the launcher started (hashAhead): the hashes are the files'.
    const { provenance } = JSON.parse(readFileSync(join(outs[0]!, 'effect.json'), 'utf8')) as { provenance: { spec: { sha256: string }; inputs: { role: string; sha256: string; bytes: number }[] } };
    expect(provenance.spec.sha256).toBe(hashFile(spec).sha256);
    expect(provenance.inputs.map((i) => i.role)).toEqual(['participants', 'controls', 'benefits', 'wages']);
    for (const i of provenance.inputs) expect(i, i.role).toEqual({ ...i, ...hashFile(join(dirname(spec), `${i.role === 'benefits' ? 'benefits_weekly' : i.role === 'wages' ? 'wages_monthly' : i.role}.csv`)) });
  }, 60_000);

  it('hashes the files of `run <spec>` on the worker the launcher starts (dist/bin/ahead.cjs), as the run would', () => {
    const dir = temp();
    const { spec } = generatePanel({ dir, persons: 40_000, weeks: 52, participants: 200, controls: 39_000, outsiders: 800, codebook: join(REPO, 'data/codebooks/illustrative.json') });
    const script = `
      const { hashAhead } = require(${JSON.stringify(join(REPO, 'dist/bin/ahead.cjs'))});
      const ahead = hashAhead(['run', '--out', 'x', ${JSON.stringify(spec)}], '/');
      ahead.hashes().then((h) => process.stdout.write(JSON.stringify({ paths: ahead.paths, hashes: h })));
    `;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { paths, hashes } = JSON.parse(r.stdout) as { paths: string[]; hashes: unknown[] };
    expect(paths.slice(2).map((p) => p.slice(dir.length + 1))).toEqual(['participants.csv', 'controls.csv', 'benefits_weekly.csv', 'wages_monthly.csv']);
    expect(hashes).toEqual(paths.map((p) => hashFile(p)));
  }, 60_000);

  it('end 40 seeded mutated panels exactly as one thread does: the same evaluation or the same error', () => {
    const rng = new Random(20261125);
    const base = files();
    const specs: string[] = [];
    for (let i = 0; i < 40; i++) {
      const dir = temp();
      const target = rng.pick(['benefits_weekly.csv', 'wages_monthly.csv'] as const);
      for (const [name, content] of Object.entries(base)) writeFileSync(join(dir, name), name === target ? mutate(rng, Buffer.from(content)) : content);
      writeFileSync(
        join(dir, 'evaluation.json'),
        JSON.stringify({ inputs: { participants: 'participants.csv', controls: 'controls.csv', benefits: 'benefits_weekly.csv', wages: 'wages_monthly.csv' }, codebook: join(REPO, 'data/codebooks/illustrative.json') }),
      );
      specs.push(join(dir, 'evaluation.json'));
    }
    const endings = endingsBuilt(specs, [{ threads: 1 }, { threads: 3, parallelMinBytes: 0 }]);
    let errors = 0;
    endings.forEach(([one, many], i) => {
      expect(one, `spec ${i}`).not.toMatch(/^crash: /);
      expect(many, `spec ${i}: 3 threads, every file in ranges`).toBe(one);
      if (one!.startsWith('error: ')) errors++;
    });
    // Both endings occur, so the comparison covers results and errors.
    expect(errors).toBeGreaterThan(4);
    expect(errors).toBeLessThan(36);
  });
});
