import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { EffektError } from '../../src/errors.js';
import { memoryIO } from '../../src/cli/io.js';
import { effectFromEffectJson, loadEconomicsParameters } from '../../src/economics/index.js';
import { CATALOGUE_PATH, REPO, expectClose } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'effekt-economics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalogue = (): Record<string, unknown> => JSON.parse(readFileSync(CATALOGUE_PATH, 'utf8')) as Record<string, unknown>;
function write(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return path;
}

describe('effekt economics', () => {
  it('--json reproduces the catalogue and has the documented keys', async () => {
    const io = memoryIO(REPO);
    const code = await run(['economics', 'data/reference/sib-catalogue.economics.json', '--json', '--draws', '2000'], io);
    expect(code).toBe(0);
    const r = JSON.parse(io.out) as Record<string, Record<string, unknown>>;
    for (const k of ['municipal_saving_per_participant', 'provider_cost_per_participant', 'surplus_per_participant']) expect(r['budget']).toHaveProperty(k);
    expect(r['socio_economic']).toHaveProperty('surplus_per_participant');
    for (const k of ['investor_share_of_surplus', 'payment_per_participant', 'gross_employment_rate', 'payment_per_gross_employed', 'investor_return', 'by_subgroup']) expect(r['payment']).toHaveProperty(k);
    for (const k of ['gross_employment_rate', 'net_effect', 'annual_decay', 'effort_saving_share', 'years_to_municipal_break_even']) expect(r['break_even']).toHaveProperty(k);
    for (const k of ['draws', 'p_municipal_loss', 'p_investor_loss', 'surplus_quantiles']) expect(r['uncertainty']).toHaveProperty(k);
    expectClose('payment per gross-employed', r['payment']!['payment_per_gross_employed'] as number, 254802, 0.01, true);
    expect(r['uncertainty']!['draws']).toBe(2000);
  });

  it('prints aligned English tables with thousands separators', async () => {
    const io = memoryIO(REPO);
    expect(await run(['economics', 'data/reference/sib-catalogue.economics.json', '--draws', '1000'], io)).toBe(0);
    expect(io.out).toMatch(/Municipal saving\s+102,517\n/);
    expect(io.out).toMatch(/Payment per gross-employed participant\s+254,802\n/);
    expect(io.out).toContain('Comparison with the catalogue');
  });

  it('exit 2 with one line naming file, line, column and JSON path on an invalid parameter', async () => {
    const bad = catalogue();
    (bad['costs'] as Record<string, unknown>)['provider_cost_per_participant'] = -1;
    const path = write('bad.json', bad);
    const io = memoryIO(dir);
    expect(await run(['economics', 'bad.json'], io)).toBe(2);
    expect(io.err).toBe('effekt: bad.json:7:38: invalid economics parameters: costs.provider_cost_per_participant: Too small: expected number to be >=0\n');
    expect(() => loadEconomicsParameters(path)).toThrow(/costs\.provider_cost_per_participant/);
  });

  it('exit 2 on an unknown scenario path and on a missing file', async () => {
    const bad = catalogue();
    (bad['scenarios'] as { overrides: Record<string, unknown> }[])[0]!.overrides = { 'effect.nett': 0.1 };
    write('path.json', bad);
    const io = memoryIO(dir);
    expect(await run(['economics', 'path.json'], io)).toBe(2);
    expect(io.err).toBe('effekt: path.json:82:24: invalid economics parameters: scenarios.0.overrides.effect.nett: unknown parameter path\n');
    const io2 = memoryIO(dir);
    expect(await run(['economics', 'nothere.json'], io2)).toBe(2);
    expect(io2.err).toBe('effekt: nothere.json: cannot read the economics parameter file (does it exist?)\n');
  });

  it('--effect reads the paying outcome from effect.json', async () => {
    const effect = {
      confidence: 0.9,
      economics: { paying_outcome: 'ordinary_employment' },
      outcomes: {
        ordinary_employment: { difference: { estimate: 0.1696, ci: [0.05, 0.3] }, participants: { share: 19 / 56, n: 56 } },
        self_supporting_or_education: { difference: { estimate: 0.14, ci: [0.03, 0.27] }, participants: { share: 15 / 56, n: 56 } },
      },
    };
    write('effect.json', effect);
    write('params.json', catalogue());
    const io = memoryIO(dir);
    expect(await run(['economics', 'params.json', '--effect', 'effect.json', '--json', '--draws', '1000'], io)).toBe(0);
    const r = JSON.parse(io.out) as { effect: { net_effect: number; confidence: number; gross_rate: number; source: string; subgroups_source: string } };
    expect(r.effect).toMatchObject({ net_effect: 0.1696, confidence: 0.9, gross_rate: 19 / 56, source: 'effect.json#outcomes.ordinary_employment', subgroups_source: 'parameters' });
    const other = effectFromEffectJson({ ...effect, economics: undefined }, 'e.json', 'self_supporting_or_education');
    expect(other.net_effect).toBe(0.14);
    expect(() => effectFromEffectJson({ ...effect, economics: undefined }, 'e.json', 'nope')).toThrow('outcome "nope" is not in the effect file (outcomes: ordinary_employment, self_supporting_or_education)');
  });

  it('--break-even on request, and a usage error for an unknown path', async () => {
    const io = memoryIO(REPO);
    expect(await run(['economics', 'data/reference/sib-catalogue.economics.json', '--draws', '500', '--break-even', 'costs.provider_cost_per_participant'], io)).toBe(0);
    expect(io.out).toContain('Break-even of budget_surplus in Provider cost: 102,517 (base 74,165)');
    const io2 = memoryIO(REPO);
    expect(await run(['economics', 'data/reference/sib-catalogue.economics.json', '--break-even', 'nope'], io2)).toBe(2);
    expect(io2.err).toBe('effekt: economics: --break-even: unknown parameter path "nope"\n');
  });
});

describe('runEconomics input checks', () => {
  it('rejects an effect whose interval does not contain the estimate, naming its source', async () => {
    const { runEconomics } = await import('../../src/economics/index.js');
    const p = loadEconomicsParameters(CATALOGUE_PATH);
    let line = '';
    try {
      runEconomics(p, { ...p.assumed_effect!, ci: [0.2, 0.3], source: 'effect.json#outcomes.x' }, { draws: 100 });
    } catch (e) {
      line = (e as EffektError).line;
    }
    expect(line).toBe('effect.json#outcomes.x: the effect cannot feed the economic model: ci: ci must contain net_effect');
  });
});
