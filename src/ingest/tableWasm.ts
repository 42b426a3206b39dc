/**
 * The WebAssembly engine of the cohort files' reader (wasm/tableLines.ts; see wasmEngine.ts
 * for why WebAssembly): each column's dictionary (Interner's tables) lives in the module's
 * memory, so the WebAssembly loop and this module's TableInterner, which reads the lines
 * the loop leaves (quotes, non-ASCII bytes, new values, a wrong number of fields), look up
 * and add values in the same tables and give the same codes as Interner in the same order.
 * Rows come out in batches (codes column by column, and line numbers); values that are not
 * looked up (id columns, long values) are copied out and made strings of here, in order.
 */
import { hashBytes } from './idTable.js';
import type { RecordView } from './scan.js';
import { WASM_BASE64 } from './tableLines.wasm.generated.js';
import { wasmApi, countWasmLines, WASM_CHUNK_BYTES, type WasmGlobal } from './wasmEngine.js';

/** Files with more columns are read by the JavaScript interners alone. */
export const TABLE_WASM_MAX_COLUMNS = 64;
const MAX_BYTES = 48;
const MAX_DISTINCT = 4096;
const SLOTS = 8192;
/** wasm/tableLines.ts's cache of short values, per column: 256 entries of a u64, a length and a code. */
const CACHE_SLOTS = 256;
const COLUMN_BYTES = SLOTS * 4 + MAX_DISTINCT * 12 + MAX_DISTINCT * MAX_BYTES + CACHE_SLOTS * 16;
const BATCH = 16384;
const ARENA_BYTES = 1 << 20;
const COPIED = 1 << 16;
const PAGE = 65536;

interface Exports {
  readonly layout: (...values: number[]) => void;
  readonly flushed: () => void;
  readonly read: (pos: number, limit: number, delim: number, line: number) => number;
  readonly rows: WasmGlobal;
  readonly arenaUsed: WasmGlobal;
  readonly copiedCount: WasmGlobal;
  readonly lines: WasmGlobal;
  readonly full: WasmGlobal;
}

let compiled: object | null = null;

/** Rows of a batch: codes[c][r] for r < rows, and each row's line. */
export interface TableBatch {
  readonly rows: number;
  readonly codes: readonly Int32Array[];
  readonly lines: Int32Array;
}

export class TableWasm {
  readonly chunk: Buffer;
  private readonly buffer: ArrayBuffer;
  private readonly x: Exports;
  private readonly at: Record<'columns' | 'state' | 'outCodes' | 'outLines' | 'arena' | 'copied' | 'fields', number>;
  private readonly state: Int32Array;
  private readonly arena: Buffer;
  private readonly copied: Int32Array;
  private readonly outLines: Int32Array;
  private outCodes: Int32Array[] = [];
  /** The columns' interners once the header is known (null: the file is too wide, or no header yet). */
  interners: TableInterner[] | null = null;

  constructor() {
    const api = wasmApi!;
    let size = 8;
    const place = (bytes: number): number => {
      const at = size;
      size += (bytes + 7) & ~7;
      return at;
    };
    const n = TABLE_WASM_MAX_COLUMNS;
    this.at = {
      columns: place(n * COLUMN_BYTES),
      state: place(n * 16),
      outCodes: place(n * BATCH * 4),
      outLines: place(BATCH * 4),
      arena: place(ARENA_BYTES),
      copied: place(COPIED * 12),
      fields: place(n * 12),
    };
    // Eight bytes more than the chunk: the loop compares values eight bytes at a time.
    const chunkAt = place(WASM_CHUNK_BYTES + 8);
    const memory = new api.Memory({ initial: Math.ceil(size / PAGE) });
    this.buffer = memory.buffer;
    this.chunk = Buffer.from(this.buffer, chunkAt, WASM_CHUNK_BYTES);
    this.state = new Int32Array(this.buffer, this.at.state, n * 4);
    this.arena = Buffer.from(this.buffer, this.at.arena, ARENA_BYTES);
    this.copied = new Int32Array(this.buffer, this.at.copied, COPIED * 3);
    this.outLines = new Int32Array(this.buffer, this.at.outLines, BATCH);
    compiled ??= new api.Module(Buffer.from(WASM_BASE64, 'base64'));
    this.x = new api.Instance(compiled, { env: { memory } }).exports as Exports;
  }

  /** The header has `width` fields: lays out that many dictionaries (none if too many). */
  start(width: number): TableInterner[] | null {
    if (width > TABLE_WASM_MAX_COLUMNS) return null;
    const a = this.at;
    // A reused engine starts empty (an earlier read may have stopped at an error).
    this.x.flushed();
    this.x.layout(width, a.columns, COLUMN_BYTES, a.state, a.outCodes, a.outLines, BATCH, a.arena, ARENA_BYTES, a.copied, COPIED, a.fields, a.fields + width * 4, a.fields + width * 8);
    this.outCodes = Array.from({ length: width }, (_, c) => new Int32Array(this.buffer, a.outCodes + c * BATCH * 4, BATCH));
    this.interners = Array.from({ length: width }, (_, c) => new TableInterner(this.buffer, a.columns + c * COLUMN_BYTES, this.state, c));
    return this.interners;
  }

  owns(buf: Buffer): boolean {
    return buf.buffer === this.buffer;
  }

  /**
   * Reads what it can of buf[pos, len) from line `line` on, handing each batch of rows to
   * `take`; returns where it stopped and the lines it read (records and blank lines).
   */
  read(buf: Buffer, pos: number, len: number, delim: number, line: number, take: (batch: TableBatch) => void): { pos: number; lines: number } {
    const x = this.x;
    const off = buf.byteOffset;
    let lines = 0;
    for (;;) {
      pos = x.read(off + pos, off + len, delim, line + lines) - off;
      lines += x.lines.value;
      this.flush(take);
      if (x.full.value === 0) break;
    }
    countWasmLines(lines);
    return { pos, lines };
  }

  /** Makes strings of the values copied out, in order, and hands over the batch. */
  private flush(take: (batch: TableBatch) => void): void {
    const x = this.x;
    const copied = this.copied;
    const interners = this.interners!;
    // One string of all the copied bytes (ASCII: a character a byte), cut into the values:
    // one native decode per batch instead of one per value.
    cutStrings(this.arena.toString('latin1', 0, x.arenaUsed.value), copied, x.copiedCount.value, interners);
    const rows = x.rows.value;
    if (rows > 0) take({ rows, codes: this.outCodes, lines: this.outLines });
    x.flushed();
  }
}

/**
 * The values copied out, cut from `all` (entry k of `copied`: column, start, length) onto
 * their columns' strings. A function of its own, not a loop in flush: V8 compiles the loop
 * while it runs, and compiled into flush it was thrown away whenever flush met another
 * engine (three compiles of flush on the bench cohort).
 */
function cutStrings(all: string, copied: Int32Array, count: number, interners: readonly TableInterner[]): void {
  for (let k = 0, n = count * 3; k < n; k += 3) {
    const at = copied[k + 1]!;
    interners[copied[k]!]!.strings.push(all.substring(at, at + copied[k + 2]!).trim());
  }
}

/**
 * Interner over one column's tables in the engine's memory: the same codes as Interner
 * (interner.ts), in the same order, for the lines the WebAssembly loop leaves.
 */
export class TableInterner {
  readonly strings: string[] = [];
  private readonly slots: Int32Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly codes: Int32Array;
  private readonly stash: Uint8Array;

  constructor(
    buffer: ArrayBuffer,
    at: number,
    private readonly state: Int32Array,
    private readonly c: number,
  ) {
    this.slots = new Int32Array(buffer, at, SLOTS).fill(-1);
    this.starts = new Int32Array(buffer, at + SLOTS * 4, MAX_DISTINCT);
    this.lengths = new Int32Array(buffer, at + SLOTS * 4 + MAX_DISTINCT * 4, MAX_DISTINCT);
    this.codes = new Int32Array(buffer, at + SLOTS * 4 + MAX_DISTINCT * 8, MAX_DISTINCT);
    this.stash = new Uint8Array(buffer, at + SLOTS * 4 + MAX_DISTINCT * 12, MAX_DISTINCT * MAX_BYTES);
    // The WebAssembly loop's cache of this column's short values: emptied with the dictionary.
    new Int32Array(buffer, at + SLOTS * 4 + MAX_DISTINCT * 12 + MAX_DISTINCT * MAX_BYTES + CACHE_SLOTS * 8, CACHE_SLOTS).fill(-1);
    state.fill(0, c * 4, c * 4 + 4);
  }

  code(v: RecordView, i: number): number {
    const s = v.starts[i]!;
    const e = v.ends[i]!;
    const n = e - s;
    const base = this.c * 4;
    if (this.state[base] !== 0 || n > MAX_BYTES || v.quoted[i] === 2) return this.unlisted(v.text(i));
    const buf = v.buf;
    let slot = hashBytes(buf, s, e) & (SLOTS - 1);
    for (;;) {
      const k = this.slots[slot]!;
      if (k < 0) break;
      if (this.lengths[k] === n) {
        const at = this.starts[k]!;
        let j = 0;
        while (j < n && this.stash[at + j] === buf[s + j]) j++;
        if (j === n) return this.codes[k]!;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    const text = v.text(i);
    const entries = this.state[base + 1]!;
    if (entries >= MAX_DISTINCT) {
      this.state[base] = 1;
      return this.unlisted(text);
    }
    const used = this.state[base + 2]!;
    const code = this.strings.length;
    this.slots[slot] = entries;
    this.starts[entries] = used;
    this.lengths[entries] = n;
    this.codes[entries] = code;
    this.stash.set(buf.subarray(s, e), used);
    this.state[base + 1] = entries + 1;
    this.state[base + 2] = used + n;
    this.strings.push(text);
    this.state[base + 3] = this.strings.length;
    return code;
  }

  private unlisted(text: string): number {
    const code = this.strings.push(text) - 1;
    this.state[this.c * 4 + 3] = this.strings.length;
    return code;
  }
}
