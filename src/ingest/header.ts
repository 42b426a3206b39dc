/**
 * The first bytes of a panel file: dialect, header names and where the data begins,
 * so that the data can then be scanned in byte ranges (possibly in parallel).
 */
import { open } from 'node:fs/promises';
import { inputError } from '../errors.js';
import type { CsvOptions } from '../spec/schema.js';
import { detectDialect, isUtf16, UTF16_MESSAGE, type Dialect } from './dialect.js';
import { openInput } from './scan.js';
import { parseRecord, RecordView } from './scan.js';

export interface FileHead {
  readonly dialect: Dialect;
  readonly names: string[];
  /** Byte offset of the first data record. */
  readonly dataStart: number;
  /** Line number of the first line after the header. */
  readonly firstDataLine: number;
  readonly size: number;
  readonly encodingSwitchLine: number | null;
}

const SAMPLE_BYTES = 1 << 20;

export async function readHead(path: string, display: string, csv: Partial<CsvOptions>): Promise<FileHead> {
  const fh = await openInput({ path, display });
  try {
    const size = (await fh.stat()).size;
    let want = Math.min(SAMPLE_BYTES, size);
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(want, 1));
      const { bytesRead } = await fh.read(buf, 0, want, 0);
      const eof = bytesRead >= size;
      if (isUtf16(buf.subarray(0, bytesRead))) throw inputError(UTF16_MESSAGE, { file: display });
      const dialect = detectDialect(buf.subarray(0, bytesRead), csv);
      const v = new RecordView(dialect);
      v.buf = buf;
      let pos = dialect.bomLength;
      let line = 1;
      while (pos < bytesRead) {
        v.line = line;
        const next = parseRecord(buf, pos, bytesRead, eof, dialect.delimiter, v);
        if (next < 0) break;
        if (v.problem) throw inputError(v.problem.what, { file: display, line, column: v.problem.column });
        const blank = v.count === 1 && v.starts[0] === v.ends[0] && v.quoted[0] === 0;
        const names: string[] = [];
        if (!blank) for (let i = 0; i < v.count; i++) names.push(v.text(i));
        line += 1 + v.innerLines;
        pos = next;
        if (!blank) return { dialect, names, dataStart: pos, firstDataLine: line, size, encodingSwitchLine: v.encodingSwitchLine };
      }
      if (eof || bytesRead < want) throw inputError('empty file (no header line)', { file: display });
      if (want >= 1 << 24) throw inputError('a header line longer than 16 MB', { file: display });
      want = Math.min(want * 4, size);
    }
  } finally {
    await fh.close();
  }
}

/** Byte offsets that split [start, size) into about `parts` ranges, each beginning after a line break. */
export async function splitAtLines(path: string, start: number, size: number, parts: number): Promise<number[]> {
  const cuts = [start];
  if (parts > 1) {
    const fh = await open(path, 'r');
    try {
      const window = Buffer.allocUnsafe(1 << 16);
      for (let k = 1; k < parts; k++) {
        const target = start + Math.floor(((size - start) * k) / parts);
        if (target <= cuts[cuts.length - 1]!) continue;
        const { bytesRead } = await fh.read(window, 0, window.length, target - 1);
        const lf = window.subarray(0, bytesRead).indexOf(10);
        if (lf < 0) continue;
        const cut = target - 1 + lf + 1;
        if (cut > cuts[cuts.length - 1]! && cut < size) cuts.push(cut);
      }
    } finally {
      await fh.close();
    }
  }
  cuts.push(size);
  return cuts;
}
