/**
 * Byte ranges of a panel are read as if a record began at each range's start (cuts are
 * made after line breaks). scanRange reports whether a range ended at a record boundary,
 * outside quotes; a line break inside a quoted field is the one place where a cut is not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/ingest/benefits.js';
import { detectDialect } from '../../src/ingest/dialect.js';
import { scanRange, type RowKernel } from '../../src/ingest/rowScan.js';

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
