import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryIO } from '../../src/cli/io.js';
import { compareProportions, minimumDetectableEffect } from '../../src/stats/index.js';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, out: io.out, err: io.err };
}

describe('effekt compare', () => {
  it('prints an aligned table', async () => {
    const r = await cli('compare', '15/56', '73/560');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/participants 15\/56 +26\.8 % +\[17\.0 %, 39\.6 %\] +Wilson/);
    expect(r.out).toMatch(/Fisher's exact +0\.00863 +\(mid-p 0\.00630\)/);
    expect(r.err).toBe('');
  });

  it('--json is exactly compareProportions (infinities as null)', async () => {
    const r = await cli('compare', '56/56', '0/560', '--json', '--confidence', '0.9', '--alternative', 'greater');
    expect(r.code).toBe(0);
    const expected = JSON.parse(JSON.stringify(compareProportions(56, 56, 0, 560, { confidence: 0.9, alternative: 'greater' })));
    expect(JSON.parse(r.out)).toEqual(expected);
    expect(JSON.parse(r.out).tests.fisher.odds_ratio).toBeNull();
  });

  it.each([
    [['57/56', '1/10'], 'effekt: compare: participants "57/56": 57 events exceed the group size 56\n'],
    [['5/0', '1/10'], 'effekt: compare: participants "5/0": the group size must be at least 1\n'],
    [['15/56', 'abc'], 'effekt: compare: controls "abc" is not <events>/<n> with whole numbers, e.g. 15/56\n'],
    [['15/56', '1.5/10'], 'effekt: compare: controls "1.5/10" is not <events>/<n> with whole numbers, e.g. 15/56\n'],
    [['15/56'], 'effekt: compare: missing <x>/<n> for controls (see effekt compare --help)\n'],
    [['15/56', '73/560', '--confidence', '95'], 'effekt: compare: --confidence must be a number strictly between 0 and 1, got "95"\n'],
    [['15/56', '73/560', '--alternative', 'up'], 'effekt: compare: --alternative must be one of two-sided, greater, less, got "up"\n'],
  ])('invalid input %j: one line, exit 2', async (args, message) => {
    const r = await cli('compare', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(message);
    expect(r.out).toBe('');
  });

  it('--help prints usage', async () => {
    const r = await cli('compare', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: effekt compare <x1>\/<n1> <x2>\/<n2>/);
  });
});

describe('effekt power', () => {
  it('MDE table by both methods', async () => {
    const r = await cli('power', '--n1', '56', '--n2', '560', '--p2', '0.17');
    expect(r.code).toBe(0);
    const up = minimumDetectableEffect(0.17, { n1: 56, n2: 560 });
    expect(r.out).toContain(`${(100 * (up.p1 ?? NaN)).toFixed(1)} % (+${(100 * (up.mde ?? NaN)).toFixed(1)} pp)`);
    expect(r.out).toMatch(/arcsine/);
  });

  it('power with --p1, JSON', async () => {
    const r = await cli('power', '--n1', '56', '--n2', '56', '--p2', '0.2', '--p1', '0.4', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.power.normal.power).toBeCloseTo(0.6398532138620365, 12);
  });

  it('errors: missing and malformed options', async () => {
    expect((await cli('power', '--n1', '56', '--p2', '0.2')).err).toBe('effekt: power: --n2 is required (see effekt power --help)\n');
    const bad = await cli('power', '--n1', '56', '--n2', 'x', '--p2', '0.2');
    expect([bad.code, bad.err]).toEqual([2, 'effekt: power: --n2 must be a number, got "x"\n']);
    const share = await cli('power', '--n1', '56', '--n2', '560', '--p2', '1.7');
    expect([share.code, share.err]).toEqual([2, 'effekt: power: p2 must be a share from 0 to 1, got 1.7\n']);
  });

  it('--help prints usage', async () => {
    expect((await cli('power', '-h')).out).toMatch(/^Usage: effekt power/);
  });
});
