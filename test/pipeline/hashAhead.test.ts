/**
 * Hashing started by the launcher before the CLI is loaded (hashAhead.ts): it must pick
 * exactly the files the run hashes, and the run must take it only then.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { aheadPaths, hashAhead } from '../../src/pipeline/hashAhead.js';
import { hashTargets, specFilesOf } from '../../src/pipeline/hashTargets.js';
import { WORKER_MIN_BYTES, hashFile, type Hashed, type HashingWorker } from '../../src/pipeline/hashing.js';
import { startProvenance } from '../../src/pipeline/provenance.js';

const EXAMPLE = resolve(import.meta.dirname, '../../data/example/evaluation.json');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A spec in a new folder whose benefit panel is a sparse file of `bytes` bytes (only its size is read here). */
function specWithPanelOf(bytes: number, edit: (spec: Record<string, unknown>) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'effekt-ahead-'));
  dirs.push(dir);
  const spec = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  spec['inputs'] = { participants: 'p.csv', controls: { path: 'c.csv', csv: { delimiter: ';' } }, benefits: 'b.csv', wages: 'w.csv' };
  spec['codebook'] = join(dirname(EXAMPLE), '../codebooks/illustrative.json');
  delete spec['progression'];
  delete spec['economics'];
  edit(spec);
  for (const f of ['p.csv', 'c.csv', 'w.csv']) writeFileSync(join(dir, f), 'x\n');
  writeFileSync(join(dir, 'b.csv'), '');
  truncateSync(join(dir, 'b.csv'), bytes);
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  return join(dir, 'spec.json');
}

/** A HashingWorker that records what is asked of it. */
function fakeWorker(paths: readonly string[], hashed: Hashed[]): HashingWorker & { taken: number; cancelled: number } {
  const w = {
    paths,
    taken: 0,
    cancelled: 0,
    hashes: () => {
      w.taken++;
      return Promise.resolve(hashed);
    },
    cancel: () => {
      w.cancelled++;
    },
  };
  return w;
}

describe('hashTargets', () => {
  it('lists the same files for the validated spec and for its bare JSON (all optional files named)', () => {
    const loaded = loadSpec(EXAMPLE);
    const fromJson = specFilesOf(JSON.parse(loaded.raw));
    expect(fromJson).not.toBeNull();
    const targets = hashTargets(loaded.spec, loaded.path, loaded.dir);
    expect(hashTargets(fromJson!, loaded.path, loaded.dir)).toEqual(targets);
    expect(targets.map((t) => t.role)).toEqual(['spec', 'codebook', 'participants', 'controls', 'benefits', 'wages', 'questionnaire', 'bip_items', 'economics_parameters']);
    expect(targets[0]).toEqual({ role: 'spec', path: EXAMPLE, display: 'evaluation.json' });
    expect(targets[4]).toEqual({ role: 'benefits', path: join(dirname(EXAMPLE), 'benefits_weekly.csv'), display: 'benefits_weekly.csv' });
  });

  it('finds no files in JSON without the shape the schema requires', () => {
    const good = { inputs: { participants: 'p', controls: { path: 'c' }, benefits: 'b', wages: 'w' }, codebook: 'cb.json' };
    expect(specFilesOf(good)).not.toBeNull();
    const bad: unknown[] = [
      null,
      [],
      'spec',
      { ...good, codebook: '' },
      { ...good, codebook: 3 },
      { ...good, inputs: { ...good.inputs, wages: undefined } },
      { ...good, inputs: { ...good.inputs, benefits: { file: 'b' } } },
      { ...good, inputs: { ...good.inputs, questionnaire: 7 } },
      { ...good, progression: { bip_items: null } },
      { ...good, economics: 'economics.json' },
    ];
    for (const b of bad) expect(specFilesOf(b), JSON.stringify(b)).toBeNull();
  });
});

describe('aheadPaths', () => {
  it('finds the spec among run arguments as the CLI does, and lists its files when they total the worker threshold', () => {
    const spec = specWithPanelOf(WORKER_MIN_BYTES);
    const dir = dirname(spec);
    const expected = [spec, join(dirname(EXAMPLE), '../codebooks/illustrative.json'), ...['p.csv', 'c.csv', 'b.csv', 'w.csv'].map((f) => join(dir, f))];
    for (const argv of [['run', spec], ['run', '--out', '/tmp/x', spec, '--timings'], ['run', '--lang=en', '--threads', '2', spec, '--unsuppressed']]) {
      expect(aheadPaths(argv, '/'), argv.join(' ')).toEqual(expected);
    }
    expect(aheadPaths(['run', 'spec.json'], dir)).toEqual(expected);
  });

  it('starts nothing for other commands, help, a second argument or files below the threshold', () => {
    const spec = specWithPanelOf(WORKER_MIN_BYTES);
    const small = specWithPanelOf(WORKER_MIN_BYTES - (1 << 20));
    expect(aheadPaths(['check', spec], '/')).toBeNull();
    expect(aheadPaths(['run', spec, '--help'], '/')).toBeNull();
    expect(aheadPaths(['run', spec, spec], '/')).toBeNull();
    expect(aheadPaths(['run'], '/')).toBeNull();
    expect(aheadPaths(['run', small], '/')).toBeNull();
  });

  it('never throws: an unknown option, a missing or broken spec start nothing', () => {
    const spec = specWithPanelOf(WORKER_MIN_BYTES);
    const broken = join(dirname(spec), 'broken.json');
    writeFileSync(broken, '{ "inputs": ');
    let started = 0;
    const start = (paths: readonly string[]): HashingWorker => {
      started++;
      return fakeWorker(paths, []);
    };
    for (const argv of [['run', spec, '--colour'], ['run', join(dirname(spec), 'none.json')], ['run', broken]]) expect(hashAhead(argv, '/', start), argv.join(' ')).toBeUndefined();
    expect(started).toBe(0);
    expect(hashAhead(['run', spec], '/', start)?.paths[0]).toBe(spec);
    expect(started).toBe(1);
  });
});

describe('startProvenance with hashing started ahead', () => {
  const example = loadSpec(EXAMPLE);
  const targets = hashTargets(example.spec, example.path, example.dir);
  const direct = targets.map((t) => hashFile(t.path));

  it('takes the hashes of a worker on exactly its files', async () => {
    const fake = direct.map((h) => ({ ...h, sha256: `ahead-${h.sha256}` }));
    const ahead = fakeWorker(targets.map((t) => t.path), fake);
    const records = await startProvenance(targets, 0, ahead)();
    expect(ahead.taken).toBe(1);
    expect(ahead.cancelled).toBe(0);
    expect(records.map((r) => r.sha256)).toEqual(fake.map((h) => h.sha256));
  });

  it('stops a worker on other files (one missing, one more, another order) and hashes its own', async () => {
    const paths = targets.map((t) => t.path);
    for (const other of [paths.slice(1), [...paths, EXAMPLE], [paths[1]!, paths[0]!, ...paths.slice(2)]]) {
      const ahead = fakeWorker(other, other.map(() => ({ sha256: 'wrong', bytes: 0 })));
      const records = await startProvenance(targets, 0, ahead)();
      expect(ahead.cancelled).toBe(1);
      expect(ahead.taken).toBe(0);
      expect(records.map((r) => r.sha256)).toEqual(direct.map((h) => h.sha256));
    }
  });
});
