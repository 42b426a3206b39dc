import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import type { CheckResult } from '../../src/check/index.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { loadSpec } from '../../src/spec/load.js';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXAMPLE = 'data/example/evaluation.json';
const TWO = 'test/fixtures/two-cohorts/evaluation.json';
const tmp = mkdtempSync(join(tmpdir(), 'effekt-check-'));

async function check(args: string[]) {
  const io = memoryIO(ROOT);
  const code = await run(['check', ...args], io);
  return { code, out: io.out, err: io.err };
}

/** A spec in the temp folder reading the example data, with the given overrides. */
function tempSpec(name: string, overrides: Record<string, unknown>): string {
  const spec = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as Record<string, unknown>;
  const abs = (p: string) => join(ROOT, 'data/example', p);
  const inputs = spec['inputs'] as Record<string, string>;
  const file = join(tmp, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...spec,
      name,
      inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, abs(v)])),
      codebook: join(ROOT, 'data/codebooks/illustrative.json'),
      economics: undefined,
      progression: { ...(spec['progression'] as object), bip_items: join(ROOT, 'data/config/bip-items.json') },
      ...overrides,
    }),
  );
  return file;
}

describe('effekt check on the example: the reference targets are not all met', () => {
  let text: Awaited<ReturnType<typeof check>>;
  let json: Awaited<ReturnType<typeof check>>;
  const junit = join(tmp, 'example-junit.xml');
  beforeAll(async () => {
    text = await check([EXAMPLE]);
    json = await check([EXAMPLE, '--json', '--junit', junit]);
  });

  it('exit 1 with the verdict on stdout and nothing on stderr', () => {
    expect(text.code).toBe(1);
    expect(text.out).toContain('IKKE BESTÅET: 2 af 7 mål er ikke nået');
    expect(text.out).toMatch(/FAIL {2}30 pct. af deltagerne selvforsørgende/);
    expect(text.err).toBe('');
  });

  it('--json: {pass, targets:[{id, description, value, threshold, pass}]} with the same exit code', () => {
    expect(json.code).toBe(1);
    const r = JSON.parse(json.out) as CheckResult;
    expect(r.pass).toBe(false);
    expect(r.cohort).toEqual({ participants: 56, controls: 560 });
    expect(r.targets.map((t) => [t.id, t.pass])).toEqual([
      ['self_supporting', false],
      ['paid_hours', false],
      ['significant_self_supporting', true],
      ['significant_paid_hours', true],
      ['data_unknown_codes', true],
      ['data_excluded_rows', true],
      ['data_excluded_persons', true],
    ]);
    for (const t of r.targets) expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'description', 'value', 'threshold', 'pass']));
    expect(r.targets[0]!.value).toBe(15 / 56);
    expect(r.targets[1]!.value).toBe(9 / 56);
  });

  it('--junit: valid XML with one test case per target, two failures', () => {
    const xml = readFileSync(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml) as {
      testsuites: { '@_tests': string; '@_failures': string; testsuite: { testcase: { failure?: unknown }[] }[] };
    };
    expect(doc.testsuites['@_tests']).toBe('7');
    expect(doc.testsuites['@_failures']).toBe('2');
    expect(doc.testsuites.testsuite[0]!.testcase.filter((c) => c.failure)).toHaveLength(2);
  });
});

describe('effekt check with two cohorts', () => {
  it('exit 0 when every target is met, in the pooled cohort and each cohort', async () => {
    const { code, out } = await check([TWO, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as CheckResult;
    expect(r.pass).toBe(true);
    expect(r.cohorts.map((c) => [c.id, c.participants, c.controls, c.pass])).toEqual([
      ['herning', 31, 310, true],
      ['viborg', 25, 250, true],
    ]);
    expect(new Set(r.targets.map((t) => t.scope))).toEqual(new Set(['pooled', 'herning', 'viborg']));
    const table = r.cohort_table!;
    expect(table.map((x) => x.id)).toEqual(['herning', 'viborg', 'pooled']);
    for (const id of ['ordinary_employment', 'self_supporting_or_education']) {
      const sum = (k: 'participants' | 'controls', f: 'events' | 'n') => table[0]!.outcomes[id]![k][f] + table[1]!.outcomes[id]![k][f];
      expect([sum('participants', 'events'), sum('participants', 'n'), sum('controls', 'events'), sum('controls', 'n')]).toEqual([
        table[2]!.outcomes[id]!.participants.events,
        table[2]!.outcomes[id]!.participants.n,
        table[2]!.outcomes[id]!.controls.events,
        table[2]!.outcomes[id]!.controls.n,
      ]);
    }
  });

  it('--baseline: unchanged results are not flagged; a fall beyond noise fails with --fail-on-decline', async () => {
    const { evaluation } = await evaluate(loadSpec(join(ROOT, TWO)), { boschloo: false });
    const same = join(tmp, 'same-effect.json');
    writeFileSync(same, JSON.stringify({ name: 'previous', confidence: evaluation.confidence, outcomes: evaluation.outcomes }));
    const a = await check([TWO, '--json', '--baseline', same, '--fail-on-decline']);
    expect(a.code).toBe(0);
    const ra = JSON.parse(a.out) as CheckResult;
    expect(ra.baseline!.flagged).toBe(0);
    expect(ra.baseline!.changes).toHaveLength(6);

    const better = join(tmp, 'better-effect.json');
    const prev = structuredClone(evaluation.outcomes) as unknown as Record<string, { participants: { share: number; ci: number[] }; difference: { estimate: number; ci: number[] } }>;
    prev['ordinary_employment']!.participants = { share: 0.75, ci: [0.62, 0.85] };
    prev['ordinary_employment']!.difference = { estimate: 0.58, ci: [0.45, 0.68] };
    writeFileSync(better, JSON.stringify({ name: 'previous', confidence: evaluation.confidence, outcomes: prev }));
    const lenient = await check([TWO, '--baseline', better]);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/ordinary_employment net_effect: .* <- beyond sampling noise/);
    const strict = await check([TWO, '--json', '--baseline', better, '--fail-on-decline']);
    expect(strict.code).toBe(1);
    const rs = JSON.parse(strict.out) as CheckResult;
    expect(rs.summary.failed).toBe(0);
    expect(rs.notes[0]).toMatch(/--fail-on-decline/);
  });
});

describe('effekt check: exit 2 for invalid spec, input or usage (one line on stderr)', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['no spec argument', () => [], /^effekt: check: missing <spec\.json>/],
    ['unknown option', () => [EXAMPLE, '--verbose'], /^effekt: check: /],
    ['missing spec file', () => ['nope.json'], /^effekt: nope\.json: cannot read the spec file/],
    ['a target naming an unknown outcome', () => [tempSpec('bad-target', { targets: [{ kind: 'net_effect', outcome: 'jobs', min: 0.1 }] })], /invalid spec: targets\.0\.outcome: "jobs" is not one of the outcomes/],
    ['a share written as a percentage', () => [tempSpec('bad-share', { targets: [{ kind: 'share', outcome: 'ordinary_employment', min: 30 }] })], /invalid spec: targets\.0\.min/],
    ['a spec without targets', () => [tempSpec('no-targets', { targets: [] })], /has no targets to check/],
    ['a missing input file', () => [tempSpec('no-input', { inputs: { participants: join(tmp, 'none.csv'), controls: 'c.csv', benefits: 'b.csv', wages: 'w.csv' } })], /none\.csv/],
    ['a missing baseline file', () => [EXAMPLE, '--baseline', 'nowhere/effect.json'], /^effekt: nowhere\/effect\.json: cannot read the baseline file/],
    ['--fail-on-decline without --baseline', () => [EXAMPLE, '--fail-on-decline'], /needs --baseline/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await check(args());
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    });
  }
});
