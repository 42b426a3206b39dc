import type { CheckResult } from './verdict.js';
import type { TargetResult } from './targets.js';

/**
 * The verdict as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub test reporters,
 * Azure DevOps) read: one <testsuite> per scope (the pooled cohort, then each cohort), one
 * <testcase> per target, a <failure> for each target not met. Follows the de-facto schema
 * of Ant's JUnit task / Jenkins (testsuites > testsuite > testcase > failure|system-out);
 * times are 0 so the file is byte-for-byte reproducible. With a baseline, its comparison
 * is a further suite: one test case per net effect, failing only under --fail-on-decline.
 */
export function junitXml(result: CheckResult, failOnDecline = false): string {
  const scopes = [...new Set(result.targets.map((t) => t.scope))];
  const suites = scopes.map((scope) => suite(result.name, scope, result.targets.filter((t) => t.scope === scope)));
  let failures = result.summary.failed;
  let tests = result.summary.targets;
  if (result.baseline) {
    const b = result.baseline;
    const cases = b.changes
      .filter((c) => c.measure === 'net_effect')
      .map((c) => {
        const decline = c.flagged && c.change < 0;
        const text = `${c.outcome}: net effect ${fmt(c.current)} vs ${fmt(c.previous)}, change ${fmt(c.change)} [${fmt(c.ci[0])}; ${fmt(c.ci[1])}]${c.flagged ? ' (beyond sampling noise)' : ''}`;
        const failure = decline && failOnDecline ? `\n      <failure type="decline" message="${esc(text)}">${escText(text)}</failure>` : '';
        if (failure) failures += 1;
        tests += 1;
        return `    <testcase classname="${esc(`effekt.check.${result.name}.baseline`)}" name="${esc(`${c.outcome}: net effect against ${b.name ?? b.file}`)}" time="0">${failure}\n      <system-out>${escText(text)}</system-out>\n    </testcase>`;
      });
    const all = b.changes.map((c) => `${c.outcome}.${c.measure}: ${fmt(c.current)} vs ${fmt(c.previous)}, change ${fmt(c.change)} [${fmt(c.ci[0])}; ${fmt(c.ci[1])}]${c.flagged ? ' FLAGGED' : ''}`);
    const caseFailures = cases.filter((c) => c.includes('<failure')).length;
    suites.push(
      `  <testsuite name="${esc(`${result.name}: baseline ${b.name ?? b.file}`)}" tests="${cases.length}" failures="${caseFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n    <system-out>${escText([...all, ...b.notes].join('\n'))}</system-out>\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(`effekt check: ${result.name}`)}" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

function suite(name: string, scope: string, targets: readonly TargetResult[]): string {
  const failures = targets.filter((t) => !t.pass).length;
  const cases = targets.map((t) => {
    const measured = `value ${t.value === null ? 'not available' : fmt(t.value)}, required ${t.operator} ${fmt(t.threshold)} (${t.detail})`;
    const failure = t.pass ? '' : `\n      <failure type="target_not_met" message="${esc(`${t.description}: ${measured}`)}">${escText(`${t.description}\n${measured}`)}</failure>`;
    return `    <testcase classname="${esc(`effekt.check.${name}.${scope}`)}" name="${esc(`${t.id}: ${t.description}`)}" time="0">${failure}\n      <system-out>${escText(measured)}</system-out>\n    </testcase>`;
  });
  return `  <testsuite name="${esc(`${name}: ${scope}`)}" tests="${targets.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

/** XML 1.0 attribute escaping (newlines kept as &#10;); characters XML 1.0 forbids are dropped. */
export function esc(s: string): string {
  return escText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;');
}

/** XML 1.0 character-data escaping. */
export function escText(s: string): string {
  return s
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
