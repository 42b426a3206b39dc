import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkVerdict, junitXml, parseBaseline } from '../../src/check/index.js';
import { splitCohorts } from '../../src/pipeline/cohorts.js';
import { examplePersons, loadedSpec, personsFromCounts, runFor } from './fixtures.js';

const exampleTargets = (JSON.parse(readFileSync(new URL('../../data/example/evaluation.json', import.meta.url), 'utf8')) as { targets: unknown[] }).targets;

interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '@_type': string };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  testcase: Case[];
}

function parse(xml: string): { suites: Suite[]; root: Record<string, string> } {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as { testsuites: Record<string, string> & { testsuite: Suite[] } };
  return { suites: doc.testsuites.testsuite, root: doc.testsuites };
}

describe('JUnit XML', () => {
  it('has one test case per target and a failure for each target not met', () => {
    const loaded = loadedSpec({ targets: exampleTargets });
    const result = checkVerdict(loaded, splitCohorts(loaded.spec, runFor(loaded, examplePersons()), false), { lang: 'da' });
    const { suites, root } = parse(junitXml(result));
    expect(suites).toHaveLength(1);
    const cases = suites[0]!.testcase;
    expect(cases).toHaveLength(result.targets.length);
    expect(root['@_tests']).toBe(String(result.targets.length));
    expect(root['@_failures']).toBe('2');
    const failed = cases.filter((c) => c.failure).map((c) => c['@_name'].split(':')[0]);
    expect(failed).toEqual(['self_supporting', 'paid_hours']);
    expect(cases[0]!.failure!['@_type']).toBe('target_not_met');
    expect(cases[0]!.failure!['@_message']).toContain('30 pct. af deltagerne');
  });

  it('has one suite per scope with cohorts, and escapes markup in descriptions', () => {
    const persons = [
      ...personsFromCounts('participant', { self_supporting_wage: 8, temporary_benefit: 20 }, { municipality: 'Herning' }),
      ...personsFromCounts('participant', { self_supporting_wage: 3, temporary_benefit: 25 }, { municipality: 'Viborg' }),
      ...personsFromCounts('control', { self_supporting_wage: 20, temporary_benefit: 260 }, { municipality: 'Herning' }),
      ...personsFromCounts('control', { self_supporting_wage: 20, temporary_benefit: 260 }, { municipality: 'Viborg' }),
    ];
    const loaded = loadedSpec({
      cohorts: [
        { id: 'herning', municipality: ['Herning'] },
        { id: 'viborg', municipality: ['Viborg'] },
      ],
      targets: [{ kind: 'share', outcome: 'ordinary_employment', min: 0.2, scope: 'all', description: 'A <b>bold</b> & "quoted" target' }],
    });
    const result = checkVerdict(loaded, splitCohorts(loaded.spec, runFor(loaded, persons), false), { lang: 'en' });
    const { suites } = parse(junitXml(result));
    expect(suites.map((s) => s['@_name'])).toEqual(['fixture: pooled', 'fixture: herning', 'fixture: viborg']);
    expect(suites.map((s) => s['@_failures'])).toEqual(['1', '0', '1']);
    expect(suites[0]!.testcase[0]!['@_name']).toContain('A <b>bold</b> & "quoted" target');
  });

  it('adds a baseline suite; a flagged decline fails only with --fail-on-decline', () => {
    const loaded = loadedSpec({ targets: [{ kind: 'group_size', group: 'participants', min: 10 }] });
    const result = checkVerdict(loaded, splitCohorts(loaded.spec, runFor(loaded, examplePersons()), false), {
      lang: 'en',
      baseline: parseBaseline(
        {
          name: 'previous',
          confidence: 0.95,
          outcomes: {
            ordinary_employment: {
              participants: { share: 0.8, ci: [0.7, 0.88] },
              controls: { share: 0.17, ci: [0.14, 0.2] },
              difference: { estimate: 0.63, ci: [0.52, 0.72] },
            },
          },
        },
        'previous/effect.json',
      ),
      failOnDecline: true,
    });
    expect(result.pass).toBe(false);
    const lenient = parse(junitXml(result, false));
    const strict = parse(junitXml(result, true));
    expect(lenient.suites[1]!['@_failures']).toBe('0');
    expect(strict.suites[1]!['@_failures']).toBe('1');
    expect(strict.root['@_failures']).toBe('1');
  });
});
