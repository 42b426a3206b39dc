import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyExample } from './helpers.js';

describe('an output folder used before', () => {
  it('holds only this run’s outputs: another run’s economics.json and charts go, files effekt does not write stay', async () => {
    const out = mkdtempSync(join(tmpdir(), 'effekt-stale-'));
    const full = copyExample();
    expect((await cli(['run', full.spec, '--out', out])).code).toBe(0);
    expect(existsSync(join(out, 'economics.json'))).toBe(true);
    writeFileSync(join(out, 'charts', 'logo.svg'), '<svg/>');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    // The same cohort without economics and progression: fewer files.
    const lean = copyExample();
    const spec = JSON.parse(readFileSync(lean.spec, 'utf8')) as { inputs: Record<string, unknown> } & Record<string, unknown>;
    delete spec.economics;
    delete spec.progression;
    delete spec.inputs.questionnaire;
    writeFileSync(lean.spec, JSON.stringify(spec));
    const r = await cli(['run', lean.spec, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const written = Number(/wrote (\d+) files/.exec(r.err)?.[1]);
    expect(existsSync(join(out, 'economics.json'))).toBe(false);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['effects.svg', 'effects.vl.json', 'logo.svg', 'status.svg', 'status.vl.json', 'subgroups.svg', 'subgroups.vl.json']);
    expect(readdirSync(out).filter((f) => f !== 'charts').sort()).toEqual(['effect-note.html', 'effect-note.md', 'effect.json', 'notes.txt']);
    expect(written).toBe(9);
  }, 120_000);
});
