/**
 * Streaming CSV scanner over raw bytes (RFC 4180 with the usual Excel variations:
 * `,` `;` or tab, quoted fields with `""` escapes and embedded line breaks, LF or CRLF,
 * optional UTF-8 BOM). The file is read in fixed-size chunks with fs read calls; each
 * record is handed over as byte ranges into the current chunk, so the caller decodes
 * only the fields it keeps (large panels never allocate a string per row). Blank lines
 * are skipped and are not rows.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { inputError, type SourceLocation } from '../errors.js';
import type { CsvOptions } from '../spec/schema.js';
import type { InputRole } from '../types.js';
import { detectDialect, isUtf16, UTF16_MESSAGE, type Dialect } from './dialect.js';
import { decodeField } from './text.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const CHUNK_BYTES = 1 << 22;
/** A record longer than this is almost certainly an unclosed quote; stop instead of reading the file into memory. */
const MAX_RECORD_BYTES = 1 << 24;
const MAX_FIELDS = 4096;

/** One record: field i is buf[starts[i], ends[i]) (quotes removed; `""` escapes still doubled when quoted[i] = 2). */
export class RecordView {
  buf: Buffer = Buffer.alloc(0);
  readonly starts = new Int32Array(MAX_FIELDS);
  readonly ends = new Int32Array(MAX_FIELDS);
  /** 0 unquoted, 1 quoted, 2 quoted with `""` escapes inside. */
  readonly quoted = new Uint8Array(MAX_FIELDS);
  /** Number of fields (may exceed MAX_FIELDS; only the first MAX_FIELDS are stored). */
  count = 0;
  /** 1-based physical line where the record starts (the header is line 1). */
  line = 0;
  /** Physical line breaks inside quoted fields of this record. */
  innerLines = 0;
  /** Set by the parser for a malformed record: what, and the 1-based field number. */
  problem: { what: string; column: number } | null = null;

  /** Line where an `auto` file that looked like UTF-8 turned out not to be (then read as Windows-1252). */
  encodingSwitchLine: number | null = null;

  constructor(readonly dialect: Dialect) {}

  /** Field i decoded to a string (trimmed). */
  text(i: number): string {
    if (i >= this.count || i >= MAX_FIELDS) return '';
    return decodeField(this, i);
  }
}

export interface ScanTarget {
  readonly path: string;
  readonly display: string;
  readonly role: InputRole;
  readonly csv: Partial<CsvOptions>;
}

export interface ScanHooks {
  /** The header (decoded, trimmed). Called once before any record. */
  header(names: string[], view: RecordView): void;
  /** One non-blank data record. The view and its buffer are reused: copy what you keep. */
  record(view: RecordView): void;
  /** A record that could not be split into fields. */
  malformed(view: RecordView): void;
  /**
   * Optional fast path, once the header is read: reads the records of buf[pos, len) it can,
   * from line `line` on, and returns where it stopped, with the lines (records and blank
   * lines) and records it read. The scanner reads the next record itself and calls again.
   */
  lines?(buf: Buffer, pos: number, len: number, line: number): { pos: number; lines: number; rows: number };
  /** Optional: the buffer to read into (of `size` bytes), when the fast path needs its own. */
  buffer?(size: number): Buffer | undefined;
}

export interface ScanResult {
  readonly dialect: Dialect;
  readonly encodingSwitchLine: number | null;
  readonly bytes: number;
  /** Data records (non-blank lines after the header, malformed ones included). */
  readonly rows: number;
}

export async function scanCsv(
  target: ScanTarget,
  hooks: ScanHooks,
  onProgress?: (role: InputRole, done: number, total: number) => void,
): Promise<ScanResult> {
  const fh = await openInput(target);
  try {
    return await scanHandle(fh, target, hooks, onProgress);
  } finally {
    await fh.close();
  }
}

export async function openInput(target: { readonly path: string; readonly display: string }): Promise<FileHandle> {
  try {
    const fh = await open(target.path, 'r');
    const stat = await fh.stat();
    if (stat.isDirectory()) {
      await fh.close();
      throw inputError('cannot read file (it is a directory)', { file: target.display });
    }
    return fh;
  } catch (e) {
    if (e instanceof Error && e.name === 'EffektError') throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unknown error');
    throw inputError(`cannot read file (${why})`, { file: target.display });
  }
}

async function scanHandle(
  fh: FileHandle,
  target: ScanTarget,
  hooks: ScanHooks,
  onProgress?: (role: InputRole, done: number, total: number) => void,
): Promise<ScanResult> {
  const total = (await fh.stat()).size;
  const size = Math.min(CHUNK_BYTES, Math.max(total, 1 << 16));
  let buf: Buffer = hooks.buffer?.(size) ?? Buffer.allocUnsafe(size);
  let len = 0;
  let fileOffset = 0;
  let eof = false;

  const fill = async (): Promise<void> => {
    while (!eof && len < buf.length) {
      const { bytesRead } = await fh.read(buf, len, buf.length - len, fileOffset);
      fileOffset += bytesRead;
      len += bytesRead;
      if (bytesRead === 0 || fileOffset >= total) eof = true;
    }
  };

  await fill();
  if (isUtf16(buf.subarray(0, len))) throw inputError(UTF16_MESSAGE, { file: target.display });
  const dialect = detectDialect(buf.subarray(0, len), target.csv);
  const view = new RecordView(dialect);
  const state: ChunkState = { line: 1, sawHeader: false, rows: 0, display: target.display, hooks };
  let pos = dialect.bomLength;

  for (;;) {
    view.buf = buf;
    pos = scanChunk(buf, pos, len, eof, dialect.delimiter, view, state);
    onProgress?.(target.role, Math.min(fileOffset - (len - pos), total), total);
    if (eof && pos >= len) break;
    ({ buf, len } = keepTail(buf, pos, len, { file: target.display, line: state.line }));
    pos = 0;
    await fill();
  }
  if (!state.sawHeader) throw inputError('empty file (no header line)', { file: target.display });
  return { dialect, encodingSwitchLine: view.encodingSwitchLine, bytes: total, rows: state.rows };
}

/**
 * The buffer for the next read, after the records of buf[0, pos) are done: the unread tail
 * buf[pos, len) moved to the front, or, when one record fills the whole buffer, a buffer of
 * twice the size holding it (a record longer than MAX_RECORD_BYTES is an error at `where`).
 */
export function keepTail(buf: Buffer, pos: number, len: number, where: SourceLocation): { buf: Buffer; len: number } {
  if (pos > 0 || len < buf.length) {
    buf.copy(buf, 0, pos, len);
    return { buf, len: len - pos };
  }
  if (buf.length >= MAX_RECORD_BYTES) throw inputError(`a record longer than ${MAX_RECORD_BYTES >> 20} MB (an unclosed quote?)`, where);
  const bigger = Buffer.allocUnsafe(buf.length * 2);
  buf.copy(bigger, 0, 0, len);
  return { buf: bigger, len };
}

interface ChunkState {
  line: number;
  sawHeader: boolean;
  rows: number;
  readonly display: string;
  readonly hooks: ScanHooks;
}

/**
 * Hands every complete record in buf[pos, len) to the hooks and returns where the first
 * incomplete one starts. Plain records (no quote character) are split in this one loop;
 * a record with a quote is re-read by parseRecord, which knows the quoting rules.
 */
function scanChunk(buf: Buffer, pos: number, len: number, eof: boolean, delim: number, v: RecordView, st: ChunkState): number {
  const starts = v.starts;
  const ends = v.ends;
  const fast = st.hooks.lines;
  let line = st.line;
  if (fast && st.sawHeader) {
    const r = fast(buf, pos, len, line);
    line += r.lines;
    st.rows += r.rows;
    pos = r.pos;
  }
  let recStart = pos;
  let fs = pos;
  let nf = 0;
  for (let i = pos; i < len; i++) {
    const b = buf[i];
    if (b === delim) {
      if (nf < MAX_FIELDS) {
        starts[nf] = fs;
        ends[nf] = i;
      }
      nf++;
      fs = i + 1;
      continue;
    }
    if (b === LF) {
      let e = i;
      if (e > fs && buf[e - 1] === CR) e--;
      if (nf < MAX_FIELDS) {
        starts[nf] = fs;
        ends[nf] = e;
      }
      v.count = nf + 1;
      v.line = line;
      v.innerLines = 0;
      line++;
      if (nf > 0 || e > fs) dispatch(v, st);
      nf = 0;
      fs = recStart = i + 1;
      if (fast && st.sawHeader) {
        const r = fast(buf, recStart, len, line);
        line += r.lines;
        st.rows += r.rows;
        fs = recStart = r.pos;
        i = r.pos - 1;
      }
      continue;
    }
    if (b === QUOTE) {
      v.line = line;
      const next = parseRecord(buf, recStart, len, eof, delim, v);
      if (next < 0) {
        st.line = line;
        return recStart;
      }
      line += 1 + v.innerLines;
      dispatch(v, st);
      v.quoted.fill(0, 0, Math.min(v.count, MAX_FIELDS));
      nf = 0;
      fs = recStart = next;
      if (fast && st.sawHeader) {
        const r = fast(buf, recStart, len, line);
        line += r.lines;
        st.rows += r.rows;
        fs = recStart = r.pos;
      }
      i = recStart - 1;
    }
  }
  if (eof && recStart < len) {
    v.line = line;
    const next = parseRecord(buf, recStart, len, true, delim, v);
    line += 1 + v.innerLines;
    if (!(v.count === 1 && v.starts[0] === v.ends[0] && v.quoted[0] === 0) || v.problem) dispatch(v, st);
    v.quoted.fill(0, 0, Math.min(v.count, MAX_FIELDS));
    recStart = next;
  }
  st.line = line;
  return recStart;
}

function dispatch(v: RecordView, st: ChunkState): void {
  if (v.problem) {
    if (!st.sawHeader) throw inputError(v.problem.what, { file: st.display, line: v.line, column: v.problem.column });
    st.rows++;
    st.hooks.malformed(v);
    return;
  }
  if (!st.sawHeader) {
    st.sawHeader = true;
    const names: string[] = [];
    for (let i = 0; i < Math.min(v.count, MAX_FIELDS); i++) names.push(v.text(i));
    st.hooks.header(names, v);
    return;
  }
  st.rows++;
  st.hooks.record(v);
}

/**
 * Splits the record starting at `pos` into view.starts/ends/quoted and returns the index
 * after its line end, or -1 when the buffer ends inside the record and more bytes follow.
 */
export function parseRecord(buf: Buffer, pos: number, len: number, eof: boolean, delim: number, v: RecordView): number {
  const starts = v.starts;
  const ends = v.ends;
  const quoted = v.quoted;
  let nf = 0;
  let fs = pos;
  let i = pos;
  v.innerLines = 0;
  v.problem = null;
  for (;;) {
    if (i >= len) {
      if (!eof) return -1;
      let e = i;
      if (e > fs && buf[e - 1] === CR) e--;
      if (nf < MAX_FIELDS) {
        starts[nf] = fs;
        ends[nf] = e;
        quoted[nf] = 0;
      }
      v.count = nf + 1;
      return len;
    }
    const b = buf[i];
    if (b === delim) {
      if (nf < MAX_FIELDS) {
        starts[nf] = fs;
        ends[nf] = i;
        quoted[nf] = 0;
      }
      nf++;
      fs = ++i;
      continue;
    }
    if (b === LF) {
      let e = i;
      if (e > fs && buf[e - 1] === CR) e--;
      if (nf < MAX_FIELDS) {
        starts[nf] = fs;
        ends[nf] = e;
        quoted[nf] = 0;
      }
      v.count = nf + 1;
      return i + 1;
    }
    if (b === QUOTE && isBlankBefore(buf, fs, i)) {
      const r = parseQuoted(buf, i, len, eof, v, nf);
      if (r === -1) return -1;
      if (r === -2) {
        v.count = nf + 1;
        v.problem = { what: 'unclosed quote: the file ends inside a quoted field', column: nf + 1 };
        return len;
      }
      // r = index of the closing quote; what follows must end the field.
      let k = r + 1;
      while (k < len && buf[k] === 32) k++;
      if (k >= len) {
        if (!eof) return -1;
        v.count = nf + 1;
        return len;
      }
      const c = buf[k];
      if (c === delim) {
        nf++;
        fs = i = k + 1;
        continue;
      }
      if (c === LF || (c === CR && k + 1 < len && buf[k + 1] === LF)) {
        v.count = nf + 1;
        return c === LF ? k + 1 : k + 2;
      }
      if (c === CR && k + 1 >= len && !eof) return -1;
      // Text after a closing quote: report it and resynchronise at the end of the line.
      const eol = buf.indexOf(LF, k);
      if (eol < 0 && !eof) return -1;
      v.count = nf + 1;
      v.problem = { what: 'unexpected text after a closing quote', column: nf + 1 };
      return eol < 0 ? len : eol + 1;
    }
    i++;
  }
}

function isBlankBefore(buf: Buffer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (buf[k] !== 32) return false;
  return true;
}

/** Returns the index of the closing quote, -1 if more bytes are needed, -2 if the file ends inside the quotes. */
function parseQuoted(buf: Buffer, open: number, len: number, eof: boolean, v: RecordView, nf: number): number {
  let j = open + 1;
  let escaped = false;
  let inner = 0;
  for (;;) {
    if (j >= len) return eof ? -2 : -1;
    const c = buf[j];
    if (c === QUOTE) {
      if (j + 1 >= len && !eof) return -1;
      if (j + 1 < len && buf[j + 1] === QUOTE) {
        escaped = true;
        j += 2;
        continue;
      }
      break;
    }
    if (c === LF) inner++;
    j++;
  }
  v.innerLines += inner;
  if (nf < MAX_FIELDS) {
    v.starts[nf] = open + 1;
    v.ends[nf] = j;
    v.quoted[nf] = escaped ? 2 : 1;
  }
  return j;
}
