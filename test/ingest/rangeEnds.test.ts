/**
 * The panel scanner's boundaries: byte ranges of a panel are read as if a record began
 * at each range's start (cuts are made after line breaks), and scanRange reports whether a
 * range ended at a record boundary, outside quotes; and records are split by shortcuts
 * that must agree with the full parser.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/ingest/benefits.js';
import { detectDialect } from '../../src/ingest/dialect.js';
import { scanRange, SimpleRecord, splitSimple, type RowKernel } from '../../src/ingest/rowScan.js';
import { parseRecord, RecordView } from '../../src/ingest/scan.js';
import { Random } from '../../src/util/random.js';

const dir = mkdtempSync(join(tmpdir(), 'effekt-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Collects each record's fields as text. */
class Fields implements RowKernel {
  readonly rows: string[][] = [];
  readonly errors: string[] = [];
  row(buf: Buffer, f: Int32Array): void {
    this.rows.push([0, 1].map((j) => buf.toString('latin1', f[2 * j]!, f[2 * j + 1]!)));
  }
  error(message: string): void {
    this.errors.push(message);
  }
}

async function scan(text: string, start: number, end: number): Promise<{ clean: boolean; rows: string[][]; errors: string[] }> {
  const path = join(dir, 'panel.csv');
  writeFileSync(path, text, 'latin1');
  const buf = Buffer.from(text, 'latin1');
  const dialect = detectDialect(buf, {});
  const kernel = new Fields();
  const r = await scanRange(path, 'panel.csv', start, end, layoutOf(dialect.delimiter, 2, [0, 1]), dialect, kernel);
  return { clean: r.cleanEnd, rows: kernel.rows, errors: kernel.errors };
}

describe('a byte range ends at a record boundary (cleanEnd)', () => {
  const text = 'id,code\nK1,130\n"K2\nK3",131\n"K4",132\n';
  const data = text.indexOf('\n') + 1;
  const at = (s: string): number => text.indexOf(s) + s.length;

  it('after a plain record or a quoted one', async () => {
    expect((await scan(text, data, at('K1,130\n'))).clean).toBe(true);
    expect((await scan(text, data, at('131\n'))).clean).toBe(true);
    expect(await scan(text, data, text.length)).toEqual({ clean: true, rows: [['K1', '130'], ['K2\nK3', '131'], ['K4', '132']], errors: [] });
  });

  it('not after a line break inside a quoted field: the record is cut short there', async () => {
    const r = await scan(text, data, at('"K2\n'));
    expect(r.clean).toBe(false);
    expect(r.errors).toEqual(['unclosed quote: the file ends inside a quoted field']);
  });

  it('not after a last line without a line break', async () => {
    expect((await scan('id,code\nK1,130', data, 14)).clean).toBe(false);
  });
});

/**
 * splitSimple, the shortcut for simply quoted records, against parseRecord, the full
 * RFC 4180 parser: on seeded random records over an alphabet of the characters that
 * matter, whenever splitSimple accepts a record, both give the same fields and the same
 * end; it must accept the plainly quoted ones, and refuse everything it cannot read.
 */
describe('splitSimple reads a record exactly as parseRecord does, or leaves it to it', () => {
  const alphabet = (d: string): string[] => ['a', 'b', d, d, '"', '"', ' ', '\r', '\n', 'æ', d === ',' ? ';' : ','];

  function fieldsOf(buf: Buffer, starts: ArrayLike<number>, ends: ArrayLike<number>, count: number): string[] {
    return Array.from({ length: count }, (_, k) => buf.toString('latin1', starts[k]!, ends[k]!));
  }

  it.each([',', ';', '\t'])('on 10,000 random records, delimiter %j', (d) => {
    const rng = new Random(31 + d.charCodeAt(0));
    const dialect = detectDialect(Buffer.from(`a${d}b\n`), {});
    expect(dialect.delimiter).toBe(d.charCodeAt(0));
    const view = new RecordView(dialect);
    const simple = new SimpleRecord();
    const ALPHABET = alphabet(d);
    let accepted = 0;
    let quotedAccepted = 0;
    for (let n = 0; n < 10_000; n++) {
      // Half the records are built from fields, plain or "quoted", so the accepted ones are many.
      let text = '';
      if (rng.chance(0.5)) {
        const fields = Array.from({ length: rng.int(1, 4) }, () => {
          const inner = Array.from({ length: rng.int(0, 3) }, () => rng.pick(['a', 'b', ' ', 'æ', d === ',' ? ';' : ','])).join('');
          return rng.chance(0.5) ? `"${inner}"` : inner;
        });
        text = fields.join(d) + (rng.chance(0.3) ? '\r\n' : '\n');
      } else {
        for (let k = rng.int(0, 12); k > 0; k--) text += rng.pick(ALPHABET);
        text += '\n';
      }
      // Bytes after the record, so neither parser takes the buffer's end for the file's.
      const buf = Buffer.from(`${text}zz${d}zz\n`, 'latin1');
      const len = buf.length;
      const next = splitSimple(buf, 0, len, dialect.delimiter, simple);
      view.buf = buf;
      const full = parseRecord(buf, 0, len, false, dialect.delimiter, view);
      if (next < 0) continue;
      accepted++;
      if (simple.quoted) quotedAccepted++;
      const where = JSON.stringify(text);
      expect(view.problem, where).toBeNull();
      expect(next, where).toBe(full);
      expect(simple.count, where).toBe(view.count);
      expect(fieldsOf(buf, simple.starts, simple.ends, simple.count), where).toEqual(fieldsOf(buf, view.starts, view.ends, view.count));
      for (let k = 0; k < view.count; k++) expect(view.quoted[k], where).not.toBe(2);
    }
    expect(accepted).toBeGreaterThan(4_000);
    expect(quotedAccepted).toBeGreaterThan(2_000);
  });

  it('refuses the forms it cannot read', () => {
    const dialect = detectDialect(Buffer.from('a,b\n'), {});
    const r = new SimpleRecord();
    for (const text of ['"a""b",c\n', ' "a",b\n', '"a" ,b\n', '"a\nb",c\n', 'a"b,c\n', '"a"x,b\n', '"a"\rb\n', 'a,b']) {
      expect(splitSimple(Buffer.from(text + 'zz\n'.repeat(text.endsWith('\n') ? 1 : 0)), 0, text.length, dialect.delimiter, r), JSON.stringify(text)).toBe(-1);
    }
    expect(splitSimple(Buffer.from('"a",b\r\n'), 0, 7, dialect.delimiter, r)).toBe(7);
    expect([r.count, r.quoted, r.blank]).toEqual([2, true, false]);
    expect(splitSimple(Buffer.from('\r\n'), 0, 2, dialect.delimiter, r)).toBe(2);
    expect(r.blank).toBe(true);
  });
});
