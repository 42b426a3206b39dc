/**
 * The fast path for the register panels: one loop per chunk splits plain records and
 * hands the byte ranges of the wanted columns straight to a kernel, with no per-row
 * object, string or function table. A record containing a quote character is re-read by
 * the full RFC 4180 parser (parseRecord) and its `""` escapes are undone in place, so
 * the kernel always sees plain byte ranges. Works on any byte range of a file that
 * starts at a record boundary, which is what lets panels be split across threads.
 */
import { open } from 'node:fs/promises';
import type { Dialect } from './dialect.js';
import { keepTail, parseRecord, RecordView } from './scan.js';
import { fieldCountMessage } from './table.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const CHUNK_BYTES = 1 << 22;

export interface RowKernel {
  /**
   * One record. f[2j], f[2j+1] delimit the field of column slot j in buf. `line` counts
   * physical lines from 0 at the start of the byte range.
   */
  row(buf: Buffer, f: Int32Array, line: number): void;
  /** A record that is malformed or has the wrong number of fields. */
  error(message: string, line: number, column?: number): void;
  /**
   * Optional whole-region fast path: handle every complete line of buf[pos, limit) (a
   * region without quote characters), counting into `counts`, and return the start of
   * the first line that does not end before `limit`.
   */
  lines?(buf: Buffer, pos: number, limit: number, counts: { line: number; rows: number }): number;
  /** Optional: the buffer to read the range into (of `size` bytes), when the kernel needs its own. */
  buffer?(size: number): Buffer | undefined;
}

export interface RowLayout {
  readonly delimiter: number;
  /** Fields per record (from the header). */
  readonly width: number;
  /** Field index → column slot, or -1 for fields the kernel ignores. */
  readonly slots: Int8Array;
  readonly slotCount: number;
}

export interface RangeScan {
  /** Physical lines in the range (line breaks, plus a last line without one). */
  readonly lines: number;
  /** Non-blank records. */
  readonly rows: number;
  /**
   * The range's last record ended exactly at the range's end, outside quotes: the end is a
   * record boundary, so the next range, read as if a record began at its start, was read
   * right. False when a quoted field with a line break runs across the end.
   */
  readonly cleanEnd: boolean;
}

interface State {
  line: number;
  rows: number;
  readonly layout: RowLayout;
  readonly f: Int32Array;
  readonly kernel: RowKernel;
  readonly view: RecordView;
  readonly simple: SimpleRecord;
}

/** Scans buf-sized chunks of [start, end) of the file at `path`. */
export async function scanRange(
  path: string,
  display: string,
  start: number,
  end: number,
  layout: RowLayout,
  dialect: Dialect,
  kernel: RowKernel,
  onBytes?: (done: number) => void,
): Promise<RangeScan> {
  const fh = await open(path, 'r');
  try {
    const size = Math.max(1 << 16, Math.min(CHUNK_BYTES, end - start));
    let buf: Buffer = kernel.buffer?.(size) ?? Buffer.allocUnsafe(size);
    let len = 0;
    let offset = start;
    let cleanEnd = true;
    const st: State = { line: 0, rows: 0, layout, f: new Int32Array(layout.slotCount * 2), kernel, view: new RecordView(dialect), simple: new SimpleRecord() };
    let pos = 0;
    for (;;) {
      while (offset < end && len < buf.length) {
        const { bytesRead } = await fh.read(buf, len, Math.min(buf.length - len, end - offset), offset);
        if (bytesRead === 0) {
          end = offset;
          break;
        }
        offset += bytesRead;
        len += bytesRead;
      }
      const eof = offset >= end;
      st.view.buf = buf;
      if (eof) {
        // First as if more bytes followed: at a record boundary everything is consumed.
        // Otherwise the rest is one record the range's end cuts short: read it as it stands.
        pos = rowChunk(buf, pos, len, false, st);
        if (pos < len) {
          cleanEnd = false;
          pos = rowChunk(buf, pos, len, true, st);
        }
      } else pos = rowChunk(buf, pos, len, false, st);
      onBytes?.(offset - start - (len - pos));
      if (eof && pos >= len) break;
      ({ buf, len } = keepTail(buf, pos, len, { file: display }));
      pos = 0;
    }
    return { lines: st.line, rows: st.rows, cleanEnd };
  } finally {
    await fh.close();
  }
}

/**
 * All complete records of buf[pos, len): returns where the first incomplete one starts.
 * Plain records are split by fastRecords; records whose quoted fields are simply quoted
 * (as R's write.csv, Excel and SAS write them) by quotedRecords; any other record with a
 * quote by slowRecord, which knows every quoting rule.
 */
function rowChunk(buf: Buffer, pos: number, len: number, eof: boolean, st: State): number {
  for (;;) {
    const r = fastRecords(buf, pos, len, st);
    if (r >= 0) {
      pos = r;
      break;
    }
    pos = -r - 1;
    const q = quotedRecords(buf, pos, len, st);
    if (q > pos) {
      pos = q;
      continue;
    }
    const next = slowRecord(buf, pos, len, eof, st);
    if (next < 0) return pos;
    pos = next;
  }
  if (eof && pos < len) {
    const next = slowRecord(buf, pos, len, true, st);
    pos = next < 0 ? len : next;
  }
  return pos;
}

/**
 * The hot loop: splits plain records of buf[pos, len) and hands them to the kernel.
 * Returns the start of the first incomplete record, or -(start + 1) of the first record
 * that contains a quote character (left for slowRecord).
 */
function fastRecords(buf: Buffer, pos: number, len: number, st: State): number {
  const { delimiter, width, slots } = st.layout;
  const f = st.f;
  const kernel = st.kernel;
  // One native search for a quote; the loop then only looks for delimiters and line ends.
  const quote = buf.indexOf(QUOTE, pos);
  const limit = quote < 0 || quote >= len ? len : quote;
  if (kernel.lines) pos = kernel.lines(buf, pos, limit, st);
  let line = st.line;
  let rows = 0;
  let recStart = pos;
  let fs = pos;
  let fi = 0;
  for (let i = pos; i < limit; i++) {
    const b = buf[i];
    if (b === delimiter) {
      if (fi < width) {
        const sl = slots[fi]!;
        if (sl >= 0) {
          f[2 * sl] = fs;
          f[2 * sl + 1] = i;
        }
      }
      fi++;
      fs = i + 1;
    } else if (b === LF) {
      let e = i;
      if (e > fs && buf[e - 1] === CR) e--;
      if (fi === 0 && e === fs) {
        line++;
        fs = recStart = i + 1;
        continue;
      }
      if (fi < width) {
        const sl = slots[fi]!;
        if (sl >= 0) {
          f[2 * sl] = fs;
          f[2 * sl + 1] = e;
        }
      }
      rows++;
      if (fi + 1 === width) kernel.row(buf, f, line);
      else kernel.error(fieldCountMessage(width, fi + 1), line);
      line++;
      fi = 0;
      fs = recStart = i + 1;
    }
  }
  st.line = line;
  st.rows += rows;
  return limit < len ? -recStart - 1 : recStart;
}

/** One record split by splitSimple: field k is buf[starts[k], ends[k]) (the first MAX_SIMPLE_FIELDS). */
export class SimpleRecord {
  readonly starts = new Int32Array(MAX_SIMPLE_FIELDS);
  readonly ends = new Int32Array(MAX_SIMPLE_FIELDS);
  count = 0;
  /** Some field was quoted. */
  quoted = false;
  /** An empty line (not a record). */
  blank = false;
}

/**
 * The general case of a kernel's line-by-line path (`RowKernel.lines`): the quote-free line
 * at `pos`, if it ends before `limit`, split at every delimiter into `f` (the first `width`
 * fields) and handed to the kernel's `row`, or reported for its number of fields; a blank
 * line is skipped. Counts the row into `counts.rows` unless blank. Returns where the next
 * line starts, or -1 when this one does not end before `limit`.
 */
export function generalLine(kernel: RowKernel, buf: Buffer, pos: number, limit: number, line: number, delimiter: number, width: number, f: Int32Array, counts: { rows: number }): number {
  const eol = buf.indexOf(LF, pos);
  if (eol < 0 || eol >= limit) return -1;
  let e = eol;
  if (e > pos && buf[e - 1] === CR) e--;
  if (e > pos) {
    counts.rows++;
    let fields = 0;
    let fs = pos;
    for (let k = pos; k <= e; k++) {
      if (k < e && buf[k] !== delimiter) continue;
      if (fields < width) {
        f[2 * fields] = fs;
        f[2 * fields + 1] = k;
      }
      fields++;
      fs = k + 1;
    }
    if (fields === width) kernel.row(buf, f, line);
    else kernel.error(fieldCountMessage(width, fields), line);
  }
  return eol + 1;
}

const MAX_SIMPLE_FIELDS = 256;

/**
 * Splits the record at `pos` if every field is plain (no quote character) or quoted whole:
 * `"…"` from the field's first byte, with no quote or line break inside, the closing quote
 * followed at once by the delimiter or the line end. Such a field is its inside, exactly
 * as parseRecord reads it (R's write.csv, Excel and SAS write fields this way). Returns the
 * position after the line end, or -1 if the record is of another form, has more than
 * MAX_SIMPLE_FIELDS fields, or does not end within buf[pos, len).
 */
export function splitSimple(buf: Buffer, pos: number, len: number, delimiter: number, r: SimpleRecord): number {
  let i = pos;
  let fi = 0;
  r.quoted = false;
  r.blank = false;
  // One field per turn; `i` ends on the delimiter or line feed after it.
  for (;;) {
    if (fi === MAX_SIMPLE_FIELDS) return -1;
    let s = i;
    let e: number;
    if (i < len && buf[i] === QUOTE) {
      r.quoted = true;
      let j = i + 1;
      while (j < len && buf[j] !== QUOTE && buf[j] !== LF) j++;
      if (j + 1 >= len || buf[j] === LF) return -1;
      s = i + 1;
      e = j;
      i = j + 1;
      if (buf[i] === CR) {
        if (i + 1 >= len || buf[i + 1] !== LF) return -1;
        i++;
      } else if (buf[i] !== delimiter && buf[i] !== LF) return -1;
    } else {
      while (i < len && buf[i] !== delimiter && buf[i] !== LF && buf[i] !== QUOTE) i++;
      if (i >= len || buf[i] === QUOTE) return -1;
      e = i;
      if (buf[i] === LF && e > s && buf[e - 1] === CR) e--;
      if (fi === 0 && buf[i] === LF && e === s) r.blank = true;
    }
    r.starts[fi] = s;
    r.ends[fi] = e;
    fi++;
    if (buf[i] === LF) break;
    i++;
  }
  r.count = fi;
  return i + 1;
}

/**
 * Records from `pos` that splitSimple can split, handed to the kernel; stops before the
 * first it cannot (for slowRecord, or for more bytes) and after the first record without
 * any quote (plain records are fastRecords' work). Returns where it stopped.
 */
function quotedRecords(buf: Buffer, pos: number, len: number, st: State): number {
  const { delimiter, width, slots } = st.layout;
  const f = st.f;
  const r = st.simple;
  for (;;) {
    const next = splitSimple(buf, pos, len, delimiter, r);
    if (next < 0) return pos;
    const line = st.line++;
    if (!r.blank) {
      st.rows++;
      if (r.count === width) {
        for (let k = 0; k < width; k++) {
          const sl = slots[k]!;
          if (sl >= 0) {
            f[2 * sl] = r.starts[k]!;
            f[2 * sl + 1] = r.ends[k]!;
          }
        }
        st.kernel.row(buf, f, line);
      } else st.kernel.error(fieldCountMessage(width, r.count), line);
    }
    pos = next;
    if (!r.quoted) return pos;
  }
}

/** One record through the full parser; returns the position after it, or -1 if incomplete. */
function slowRecord(buf: Buffer, at: number, len: number, eof: boolean, st: State): number {
  const v = st.view;
  const { delimiter, width, slots } = st.layout;
  const next = parseRecord(buf, at, len, eof, delimiter, v);
  if (next < 0) return -1;
  const line = st.line;
  st.line += 1 + v.innerLines;
  if (v.problem) {
    st.rows++;
    st.kernel.error(v.problem.what, line, v.problem.column);
    return next;
  }
  if (v.count === 1 && v.starts[0] === v.ends[0] && !v.quoted[0]) return next;
  st.rows++;
  if (v.count !== width) {
    st.kernel.error(fieldCountMessage(width, v.count), line);
  } else {
    for (let k = 0; k < width; k++) {
      const sl = slots[k]!;
      if (sl < 0) continue;
      let e = v.ends[k]!;
      if (v.quoted[k] === 2) e = unescapeInPlace(buf, v.starts[k]!, e);
      st.f[2 * sl] = v.starts[k]!;
      st.f[2 * sl + 1] = e;
    }
    st.kernel.row(buf, st.f, line);
  }
  v.quoted.fill(0, 0, Math.min(v.count, v.quoted.length));
  return next;
}

/** Turns each `""` in buf[s, e) into `"`, shifting left; returns the new end. */
function unescapeInPlace(buf: Buffer, s: number, e: number): number {
  let w = s;
  for (let r = s; r < e; r++) {
    buf[w++] = buf[r]!;
    if (buf[r] === QUOTE && r + 1 < e && buf[r + 1] === QUOTE) r++;
  }
  return w;
}
