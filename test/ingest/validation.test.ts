import { describe, expect, it } from 'vitest';
import { loadCodebook, parseCodebook, readCohort } from '../../src/ingest/index.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { errorOf, ingestAll, specDir } from './helpers.js';
import { benefits, files, wages } from './fixtures.js';

/** Issue 4, item 4: every hard error stops with one exact line `<file>:<line>[:<column>]: <what>`. */
describe('validation messages', () => {
  const fail = async (over: Parameters<typeof files>[0], spec: Record<string, unknown> = {}) => errorOf(ingestAll(specDir(files(over), spec)));

  it('accepts the fixture', async () => {
    const r = await ingestAll(specDir(files()));
    expect(r.cohortIngest.cohort.controls).toHaveLength(3);
    expect(r.benefits.months.get('P1')).toEqual(['education', 'education', 'education', 'education']);
    expect(r.benefits.months.get('K1')).toEqual(['none', 'none', 'none', 'none']);
  });

  it('missing file', async () => {
    const loaded = specDir(files(), { inputs: { participants: 'nope.csv', controls: 'controls.csv', benefits: 'benefits_weekly.csv', wages: 'wages_monthly.csv' } });
    expect((await errorOf(readCohort(loaded))).line).toBe('nope.csv: cannot read file (no such file)');
  });

  it('empty file', async () => {
    expect((await fail({ 'participants.csv': '' })).line).toBe('participants.csv: empty file (no header line)');
    expect((await fail({ 'benefits_weekly.csv': '\n\n' })).line).toBe('benefits_weekly.csv: empty file (no header line)');
  });

  it('UTF-16 (Excel "Unicode Text") is named, with what to do instead', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('person_id\tmunicipality\tmatched_to\r\n', 'utf16le')]);
    expect((await fail({ 'controls.csv': utf16 })).line).toBe(`controls.csv: the file is UTF-16 (Excel's "Unicode Text"); save it as "CSV UTF-8" or "CSV (semicolon delimited)" instead`);
    expect((await fail({ 'wages_monthly.csv': utf16 })).line).toMatch(/^wages_monthly\.csv: the file is UTF-16/);
  });

  it('missing required column names the columns found', async () => {
    expect((await fail({ 'participants.csv': 'person_id,municipality,start_date,age\nP1,Herning,2022-01-03,40\n' })).line).toBe(
      'participants.csv:1: missing column "end_date"; columns found: person_id, municipality, start_date, age',
    );
  });

  it('missing mapped column says the spec maps it', async () => {
    const spec = { inputs: { participants: 'participants.csv', controls: 'controls.csv', benefits: { path: 'benefits_weekly.csv', columns: { week: 'uge' } }, wages: 'wages_monthly.csv' } };
    expect((await fail({}, spec)).line).toBe('benefits_weekly.csv:1: missing column "uge" (the spec maps week to it); columns found: person_id, week, benefit_code');
  });

  it('a column twice in the header', async () => {
    expect((await fail({ 'controls.csv': 'person_id,municipality,age,age\nK1,Herning,1,2\n' })).line).toBe('controls.csv:1:4: column "age" appears twice in the header (columns 3 and 4)');
  });

  it('unparseable date: the value, the expected formats, line and column', async () => {
    const e = await fail({ 'participants.csv': 'person_id,municipality,start_date,end_date\nP1,Herning,2022-01-03,2022-03-15\nP2,Viborg,2022-01-10,2022-13-01\n' });
    expect(e.line).toBe('participants.csv:3:4: cannot read date "2022-13-01" in column end_date (expected yyyy-mm-dd, dd-mm-yyyy or dd.mm.yyyy)');
  });

  it('a date in another format than the spec fixes', async () => {
    const spec = { inputs: { participants: { path: 'participants.csv', csv: { date_format: 'dd-mm-yyyy' } }, controls: 'controls.csv', benefits: 'benefits_weekly.csv', wages: 'wages_monthly.csv' } };
    const e = await fail({}, spec);
    expect(e.line).toBe(`participants.csv:2:3: cannot read date "2022-01-03" in column start_date (expected dd-mm-yyyy, as the spec's csv.date_format says)`);
    expect(e.details).toEqual([
      `participants.csv:2:4: cannot read date "2022-03-15" in column end_date (expected dd-mm-yyyy, as the spec's csv.date_format says)`,
      `participants.csv:3:3: cannot read date "2022-01-10" in column start_date (expected dd-mm-yyyy, as the spec's csv.date_format says)`,
      `participants.csv:3:4: cannot read date "2022-04-20" in column end_date (expected dd-mm-yyyy, as the spec's csv.date_format says)`,
    ]);
  });

  it('a cohort file with a header and no rows', async () => {
    expect((await fail({ 'participants.csv': 'person_id,municipality,start_date,end_date\n' })).line).toBe('participants.csv: no participants: the file has a header and no data rows');
    expect((await fail({ 'controls.csv': 'person_id,municipality,matched_to\n\n' })).line).toBe('controls.csv: no controls: the file has a header and no data rows');
  });

  it('a group of which no one has a status in the follow-up month', async () => {
    // The panels cover 2022-W01 to W30 (to July); the participants end in 2023, the controls' reference dates lie in 2022.
    const participants = 'person_id,municipality,start_date,end_date\nP1,Herning,2022-06-01,2023-01-15\nP2,Viborg,2022-06-01,2023-02-20\n';
    const controls = 'person_id,municipality,reference_end_date\nK1,Herning,2022-03-15\nK2,Viborg,2022-03-15\nK3,Viborg,2022-04-20\n';
    const e = await errorOf(evaluate(specDir(files({ 'participants.csv': participants, 'controls.csv': controls }))));
    expect(e.line).toBe('none of the 2 participants has a status in the follow-up month (persons left out, by reason: no_register_coverage 2)');
  });

  it('controls with weight 0 (unmatched, as MatchIt marks them) are left out; a group of them only is an error', async () => {
    const weighted = (w: [string, string, string]) => `person_id,municipality,matched_to,weight\nK1,Herning,P1,${w[0]}\nK2,Viborg,P2,${w[1]}\nK3,Viborg,,${w[2]}\n`;
    const { evaluation } = await evaluate(specDir(files({ 'controls.csv': weighted(['0', '1', '2.5']) })), { boschloo: false });
    expect(evaluation.reconciliation.persons.excluded).toEqual({ zero_weight: 1 });
    expect(evaluation.outcomes.ordinary_employment!.controls.n).toBe(2);
    const e = await errorOf(evaluate(specDir(files({ 'controls.csv': weighted(['0', '0', '0']) }))));
    expect(e.line).toBe('none of the 3 controls has a status in the follow-up month (persons left out, by reason: zero_weight 3)');
  });

  it('subgroups and cohort filters must name columns of both cohort files', async () => {
    const e = await errorOf(evaluate(specDir(files(), { subgroups: ['employed_last2y'] })));
    expect(e.line).toMatch(/evaluation\.json: invalid spec: subgroups names "employed_last2y", which is not a column of both cohort files \(they have: municipality, age\)$/);
    const f = await errorOf(evaluate(specDir(files(), { cohorts: [{ id: 'old', where: { agegroup: ['50+'] } }] })));
    expect(f.line).toMatch(/invalid spec: cohorts\.0\.where names "agegroup", which is not a column of both cohort files/);
  });

  it('duplicate person ids', async () => {
    expect((await fail({ 'participants.csv': 'person_id,municipality,start_date,end_date\nP1,Herning,2022-01-03,2022-03-15\nP1,Viborg,2022-01-10,2022-04-20\n' })).line).toBe(
      'participants.csv:3:1: duplicate person_id "P1" (first on line 2)',
    );
  });

  it('a person in both groups', async () => {
    expect((await fail({ 'controls.csv': 'person_id,municipality,matched_to\nP1,Herning,P2\n' })).line).toBe('controls.csv:2:1: person_id "P1" is also a participant (participants.csv line 2)');
  });

  it('duplicates among many ids, and a participant twice among the controls', async () => {
    // 50,000 distinct controls, then K00007 again, a participant twice and K49999 again.
    const lines = ['person_id,municipality,matched_to', ...Array.from({ length: 50_000 }, (_, i) => `K${String(i).padStart(5, '0')},Herning,P1`)];
    lines.push('K00007,Viborg,P2', 'P2,Viborg,P1', 'P2,Viborg,P1', ' K49999 ,Viborg,P1');
    const e = await fail({ 'controls.csv': lines.join('\n') + '\n' });
    expect([e.line, ...e.details]).toEqual([
      'controls.csv:50002:1: duplicate person_id "K00007" (first on line 9)',
      'controls.csv:50003:1: person_id "P2" is also a participant (participants.csv line 3)',
      'controls.csv:50004:1: person_id "P2" is also a participant (participants.csv line 3)',
      'controls.csv:50005:1: duplicate person_id "K49999" (first on line 50001)',
    ]);
  });

  it('matched_to pointing nowhere', async () => {
    expect((await fail({ 'controls.csv': 'person_id,municipality,matched_to\nK1,Herning,P1\nK2,Viborg,P9\n' })).line).toBe(
      'controls.csv:3:3: matched_to "P9" is not a participant (no such person_id in participants.csv)',
    );
  });

  it('end before start', async () => {
    expect((await fail({ 'participants.csv': 'person_id,municipality,start_date,end_date\nP1,Herning,2022-03-01,2022-01-01\n' })).line).toBe(
      'participants.csv:2:4: end_date 2022-01-01 is before start_date 2022-03-01',
    );
  });

  it('blank required values', async () => {
    const e = await fail({ 'participants.csv': 'person_id,municipality,start_date,end_date\n,Herning,2022-01-03,2022-03-15\nP2,,2022-01-10,\n' });
    expect([e.line, ...e.details]).toEqual(['participants.csv:2:1: blank person_id', 'participants.csv:3:2: blank municipality', 'participants.csv:3:4: blank end_date']);
  });

  it('unreadable weight', async () => {
    expect((await fail({ 'controls.csv': 'person_id,municipality,weight\nK1,Herning,x\n' })).line).toBe('controls.csv:2:3: cannot read weight "x" (expected a number ≥ 0)');
  });

  it('negative hours', async () => {
    const w = wages().replace('P1,2022-01,37,', 'P1,2022-01,-5,');
    expect((await fail({ 'wages_monthly.csv': w })).line).toBe('wages_monthly.csv:2:3: negative paid_hours -5');
  });

  it('unreadable hours and months', async () => {
    const w = wages().replace('P1,2022-01,37,', 'P1,2022-01,ti,').replace('P1,2022-02,', 'P1,2022-13,');
    const e = await fail({ 'wages_monthly.csv': w });
    expect([e.line, ...e.details]).toEqual([
      'wages_monthly.csv:2:3: cannot read paid_hours "ti" (expected a number)',
      'wages_monthly.csv:3:2: cannot read month "2022-13" in column month (expected 2022-04 or 202204)',
    ]);
  });

  it('unreadable week', async () => {
    const b = benefits().replace('P1,2022-W03,', 'P1,2022-W60,');
    expect((await fail({ 'benefits_weekly.csv': b })).line).toBe('benefits_weekly.csv:4:2: cannot read week "2022-W60" in column week (expected 2022-W14, 2022W14 or 202214)');
  });

  it('a row with too few fields, a blank id', async () => {
    const b = benefits().replace('P1,2022-W02,651\n', 'P1,2022-W02\n').replace('P1,2022-W03,', ',2022-W03,');
    const e = await fail({ 'benefits_weekly.csv': b });
    expect([e.line, ...e.details]).toEqual(['benefits_weekly.csv:3: expected 3 fields as in the header, found 2', 'benefits_weekly.csv:4:1: blank person_id']);
  });

  it('a row spelling out, unquoted, an earlier row\'s quoted id that holds the delimiter has too many fields', async () => {
    // The line-by-line path predicts each id to be the previous row's: never one holding the delimiter or a line break.
    for (const quoted of ['"K1,X" ,2022-W10,130', '"K1,X",2022-W10,130\nbad']) {
      const b = `person_id,week,benefit_code\n${quoted}\nK1,X,2022-W11,130\n`;
      const e = await fail({ 'benefits_weekly.csv': b });
      expect([e.line, ...e.details].at(-1), quoted).toBe(`benefits_weekly.csv:${quoted.includes('bad') ? 4 : 3}: expected 3 fields as in the header, found 4`);
    }
    const b = 'person_id,week,benefit_code\n"K1\nX" ,2022-W10,130\nK1\nX,2022-W11,130\n';
    expect((await fail({ 'benefits_weekly.csv': b })).line).toBe('benefits_weekly.csv:4: expected 3 fields as in the header, found 1');
  });

  it('a record longer than 16 MB (an unclosed quote) stops the read, in a cohort file and in a panel', async () => {
    // 5 MB records are read (the 4 MB buffer grows); a 17 MB one is refused.
    const long = 'x'.repeat(5 << 20);
    const ok = await ingestAll(specDir(files({ 'controls.csv': `person_id,municipality,matched_to,note\nK1,Herning,P1,${long}\n` })));
    expect(ok.cohortIngest.cohort.controls).toHaveLength(1);
    const huge = `"${'x'.repeat(17 << 20)}`;
    expect((await fail({ 'controls.csv': `person_id,municipality,matched_to\nK1,Herning,${huge}\n` })).line).toBe('controls.csv:2: a record longer than 16 MB (an unclosed quote?)');
    expect((await fail({ 'benefits_weekly.csv': `${benefits()}P1,2022-W05,${huge}\n` })).line).toBe('benefits_weekly.csv: a record longer than 16 MB (an unclosed quote?)');
  });

  it('quotes: text after a closing quote, a quote never closed', async () => {
    expect((await fail({ 'controls.csv': 'person_id,municipality,matched_to\n"K1"x,Herning,P1\n' })).line).toBe('controls.csv:2:1: unexpected text after a closing quote');
    expect((await fail({ 'controls.csv': 'person_id,municipality,matched_to\nK1,"Herning,P1\nK2,Viborg,P2\n' })).line).toBe(
      'controls.csv:2:2: unclosed quote: the file ends inside a quoted field',
    );
  });

  it('line numbers count the lines inside quoted fields and blank lines', async () => {
    const c = 'person_id,municipality,matched_to,note\nK1,Herning,P1,"two\nlines"\n\nK2,Viborg,P9,x\n';
    expect((await fail({ 'controls.csv': c })).line).toBe('controls.csv:5:3: matched_to "P9" is not a participant (no such person_id in participants.csv)');
  });

  it('unknown benefit codes: each code with its count and first line', async () => {
    // Rows are person by person, 30 weeks each, from line 2: P1, P2, K1, K2, K3, X1.
    // 999: K2's week 5 and week 7 of P2, K2, K3, X1 (the first: P2's, line 2 + 30 + 6 = 38); ABC: X1's week 1 (line 152).
    const b = benefits().replaceAll('K2,2022-W05,130', 'K2,2022-W05,999').replace('X1,2022-W01,130', 'X1,2022-W01,ABC').replaceAll(',2022-W07,130', ',2022-W07,999');
    const e = await fail({ 'benefits_weekly.csv': b });
    expect([e.line, ...e.details]).toEqual([
      'benefits_weekly.csv:38:3: benefit code "999" is not in the codebook "illustrative" (5 rows, the first on this line); add it to the codebook or set unknown_codes in the spec',
      'benefits_weekly.csv:152:3: benefit code "ABC" is not in the codebook "illustrative" (1 row, the first on this line); add it to the codebook or set unknown_codes in the spec',
    ]);
  });

  it('lists at most 20 errors, then a count', async () => {
    // K3's rows start on line 2 + 4 × 30 = 122.
    let b = benefits();
    for (let w = 1; w <= 25; w++) b = b.replace(`K3,2022-W${String(w).padStart(2, '0')},`, `K3,2022-X${w},`);
    const e = await fail({ 'benefits_weekly.csv': b });
    expect(e.line).toBe('benefits_weekly.csv:122:2: cannot read week "2022-X1" in column week (expected 2022-W14, 2022W14 or 202214)');
    expect(e.details).toHaveLength(20);
    expect(e.details[18]).toBe('benefits_weekly.csv:141:2: cannot read week "2022-X20" in column week (expected 2022-W14, 2022W14 or 202214)');
    expect(e.details[19]).toBe('benefits_weekly.csv: 5 more errors not shown (25 in total)');
  });

  it('a panel that covers none of the follow-up months', async () => {
    expect((await fail({ 'benefits_weekly.csv': benefits(10) })).line).toBe(
      "benefits_weekly.csv: the file covers 2022-W01 to 2022-W10, which contains none of the cohort's follow-up months (2022-05 to 2022-06)",
    );
    expect((await fail({ 'wages_monthly.csv': 'person_id,month,paid_hours,wage_income\nP1,2022-01,1,1\n' })).line).toBe(
      "wages_monthly.csv: the file covers 2022-01 to 2022-01, which contains none of the cohort's follow-up months (2022-05 to 2022-06)",
    );
  });

  it('codebook problems', async () => {
    expect((await errorOf(() => loadCodebook('/nonexistent/cb.json', 'cb.json'))).line).toBe('cb.json: cannot read codebook (no such file)');
    expect((await errorOf(() => parseCodebook('{', 'cb.json'))).line).toMatch(/^cb\.json: codebook is not valid JSON: /);
    expect((await errorOf(() => parseCodebook('{"name":"x","codes":[{"code":"1","label":{"da":"a","en":"a"},"class":"sometimes"}]}', 'cb.json'))).line).toBe(
      'cb.json: invalid codebook: codes.0.class: Invalid option: expected one of "none"|"temporary"|"flexjob"|"education"|"permanent"|"not_resident"',
    );
    const twice = '{"name":"x","codes":[{"code":"1","label":{"da":"a","en":"a"},"class":"none"},{"code":"1","label":{"da":"a","en":"a"},"class":"none"}]}';
    expect((await errorOf(() => parseCodebook(twice, 'cb.json'))).line).toBe('cb.json: invalid codebook: code "1" is listed twice');
    expect((await errorOf(() => parseCodebook('{"name":"x","codes":[],"ranges":[{"from":9,"to":1,"class":"none"}]}', 'cb.json'))).line).toBe(
      'cb.json: invalid codebook: ranges.0: from must not exceed to',
    );
  });

  it('a directory instead of a file', async () => {
    const loaded = specDir(files(), { inputs: { participants: '.', controls: 'controls.csv', benefits: 'benefits_weekly.csv', wages: 'wages_monthly.csv' } });
    expect((await errorOf(readCohort(loaded))).line).toBe('.: cannot read file (it is a directory)');
  });
});
