import { describe, expect, it } from 'vitest';
import { publishTargets } from '../../src/report/targets.js';
import type { CheckResult } from '../../src/check/verdict.js';
import type { TargetResult } from '../../src/check/targets.js';

function target(id: string, kind: TargetResult['kind'], value: number, pass: boolean, scope = 'pooled'): TargetResult {
  return { id, kind, scope, description: id, value, threshold: 0.2, operator: '>=', pass, detail: '' };
}

const result = {
  pass: false,
  targets: [
    target('outcome_share', 'share', 15 / 56, true),
    target('category_share', 'share', 3 / 56, false),
    target('p', 'significance', 0.0086, true),
    target('herning', 'share', 2 / 31, false, 'herning'),
  ],
} as unknown as CheckResult;

describe('publishTargets', () => {
  it('publishes a share target only when the note publishes that share anyway', () => {
    const t = publishTargets(result, [15 / 56], false);
    expect(t.targets.map((x) => [x.id, x.value])).toEqual([
      ['outcome_share', 15 / 56],
      ['category_share', null],
      ['p', 0.0086],
    ]);
  });
  it('keeps every value in internal outputs, and cohort-scope targets out of the note', () => {
    const t = publishTargets(result, [], true);
    expect(t.targets.map((x) => x.value)).toEqual([15 / 56, 3 / 56, 0.0086]);
    expect(t.targets.some((x) => x.id === 'herning')).toBe(false);
    expect([t.met, t.total, t.pass]).toEqual([2, 3, false]);
  });
});
