/**
 * The WebAssembly engine of the benefit kernel's line-by-line path (wasm/benefitLines.ts):
 * one instance per thread and file, its memory laid out here with copies of the id table,
 * the follow-up weeks and the week table, and the arrays the JavaScript kernel shares with
 * it (the week slots, the code memo, the weeks seen, the chunk buffer the range is read
 * into). An instance serves one kernel at a time and is reused by the next range of the
 * same file on the same thread, so each thread compiles the module and copies the id
 * table once per file.
 *
 * Measured on the bench panel (212 MB, 10.4 million rows), in a fresh process: this loop
 * reads it at about 1 ns a byte from the first megabyte, where the same loop in JavaScript
 * runs at 1.9 ns a byte once V8 has optimised it and three to five times slower before.
 */
import type { BenefitParams } from './benefitKernel.js';
import { WASM_BASE64 } from './benefitLines.wasm.generated.js';
import { ISO_WEEK_TABLE, WEEK_BASE, WEEK_SPAN } from './values.js';

/** Bytes of the buffer a range is read into (rowScan reads 4 MB chunks). */
export const WASM_CHUNK_BYTES = 1 << 22;
/** The kernel's code memo: all-digit codes of up to 4 digits, key = value * 8 + length. */
export const SMALL_CODE_KEYS = 10000 * 8;
const LAST_ID_BYTES = 256;
const LAST_CODE_BYTES = 64;
const PAGE = 65536;

/** The parts of the WebAssembly API used here (TypeScript's Node types do not declare it). */
interface WasmGlobal {
  value: number;
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  readonly Memory: new (descriptor: { initial: number }) => WasmMemory;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: unknown };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

interface Exports {
  readonly layout: (...offsets: number[]) => void;
  readonly reset: (minWeek: number, maxWeek: number, lowSlot: number) => void;
  readonly lines: (pos: number, limit: number, delim: number) => number;
  readonly used: WasmGlobal;
  readonly notInCohort: WasmGlobal;
  readonly outside: WasmGlobal;
  readonly duplicate: WasmGlobal;
  readonly minWeek: WasmGlobal;
  readonly maxWeek: WasmGlobal;
  readonly lowSlot: WasmGlobal;
  readonly highSlot: WasmGlobal;
  readonly line: WasmGlobal;
}

/** What one kernel's lines read in WebAssembly, to add to what it read in JavaScript. */
export interface WasmCounts {
  readonly used: number;
  readonly notInCohort: number;
  readonly outside: number;
  readonly duplicate: number;
  readonly minWeek: number;
  readonly maxWeek: number;
  readonly lowSlot: number;
  readonly highSlot: number;
}

let compiled: object | null = null;
let linesRead = 0;

/** Lines the WebAssembly loop has read on this thread (for tests: that it is used at all). */
export const wasmLinesRead = (): number => linesRead;
const free = new WeakMap<BenefitParams, BenefitWasm[]>();

/**
 * An engine for a kernel over `params`: a free one of this thread, else a new one. Null
 * when WebAssembly is not available (the JavaScript path then reads every line).
 */
export function acquireBenefitWasm(params: BenefitParams, minWeek: number, maxWeek: number, lowSlot: number): BenefitWasm | null {
  if (wasmApi === undefined) return null;
  const engine = free.get(params)?.pop() ?? new BenefitWasm(params, wasmApi);
  engine.reset(minWeek, maxWeek, lowSlot);
  return engine;
}

export class BenefitWasm {
  readonly memory: WasmMemory;
  /** Shared with the JavaScript kernel: written by both. */
  readonly classes: Int8Array;
  readonly smallCodes: Int16Array;
  readonly weeksSeen: Uint8Array;
  /** The buffer ranges are read into, inside the module's memory. */
  readonly chunk: Buffer;
  private readonly successor: Int32Array;
  private readonly x: Exports;
  private busy = false;

  constructor(
    private readonly params: BenefitParams,
    api: WasmApi,
  ) {
    const ids = params.ids;
    const persons = ids.personKey.length;
    let size = 0;
    const place = (bytes: number): number => {
      const at = size;
      size += (bytes + 7) & ~7;
      return at;
    };
    // Offset 0 is left unused, so no array starts at a null pointer.
    place(8);
    const at = {
      keys: place(ids.keys.byteLength),
      keyStart: place(ids.keyStart.byteLength),
      keyEnd: place(ids.keyEnd.byteLength),
      keyPerson: place(ids.keyPerson.byteLength),
      personKey: place(ids.personKey.byteLength),
      slots: place(ids.slots.byteLength),
      successor: place(persons * 4),
      firstWeek: place(params.firstWeek.byteLength),
      weekCount: place(params.weekCount.byteLength),
      base: place(params.base.byteLength),
      classes: place(params.weekSlots),
      smallCodes: place(SMALL_CODE_KEYS * 2),
      weeksSeen: place(WEEK_SPAN),
      weekTable: place(ISO_WEEK_TABLE.byteLength),
      lastId: place(LAST_ID_BYTES),
      lastCode: place(LAST_CODE_BYTES),
      chunk: place(WASM_CHUNK_BYTES),
    };
    this.memory = new api.Memory({ initial: Math.ceil(size / PAGE) });
    const buffer = this.memory.buffer;
    const copy = (array: ArrayBufferView, offset: number): void => {
      new Uint8Array(buffer, offset, array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    };
    copy(ids.keys, at.keys);
    copy(ids.keyStart, at.keyStart);
    copy(ids.keyEnd, at.keyEnd);
    copy(ids.keyPerson, at.keyPerson);
    copy(ids.personKey, at.personKey);
    copy(ids.slots, at.slots);
    copy(params.firstWeek, at.firstWeek);
    copy(params.weekCount, at.weekCount);
    copy(params.base, at.base);
    copy(ISO_WEEK_TABLE, at.weekTable);
    this.successor = new Int32Array(buffer, at.successor, persons);
    this.classes = new Int8Array(buffer, at.classes, params.weekSlots).fill(-1);
    this.smallCodes = new Int16Array(buffer, at.smallCodes, SMALL_CODE_KEYS);
    this.weeksSeen = new Uint8Array(buffer, at.weeksSeen, WEEK_SPAN);
    this.chunk = Buffer.from(buffer, at.chunk, WASM_CHUNK_BYTES);
    compiled ??= new api.Module(Buffer.from(WASM_BASE64, 'base64'));
    this.x = new api.Instance(compiled, { env: { memory: this.memory } }).exports as unknown as Exports;
    this.x.layout(
      at.keys, at.keyStart, at.keyEnd, at.keyPerson, at.personKey,
      at.slots, ids.slots.length, persons, at.successor,
      at.firstWeek, at.weekCount, at.base, at.classes, at.smallCodes,
      at.weeksSeen, WEEK_BASE, at.weekTable, at.lastId, at.lastCode,
    );
  }

  reset(minWeek: number, maxWeek: number, lowSlot: number): void {
    this.busy = true;
    this.successor.fill(-1);
    this.smallCodes.fill(0x7fff);
    this.weeksSeen.fill(0);
    this.x.reset(minWeek, maxWeek, lowSlot);
  }

  /** Whether `buf` is this engine's chunk buffer (rowScan may have replaced it by a larger one for a very long record). */
  owns(buf: Buffer): boolean {
    return buf.buffer === this.memory.buffer;
  }

  /**
   * Reads lines of buf[pos, limit) (buf: this engine's chunk) until one it leaves to the
   * JavaScript kernel; returns where that line starts and how many lines it read.
   */
  lines(buf: Buffer, pos: number, limit: number, delim: number): { pos: number; lines: number } {
    const off = buf.byteOffset;
    this.x.line.value = 0;
    const next = this.x.lines(off + pos, off + limit, delim) - off;
    const lines = this.x.line.value;
    linesRead += lines;
    return { pos: next, lines };
  }

  /** What the kernel read here so far. */
  counts(): WasmCounts {
    const x = this.x;
    return {
      used: x.used.value,
      notInCohort: x.notInCohort.value,
      outside: x.outside.value,
      duplicate: x.duplicate.value,
      minWeek: x.minWeek.value,
      maxWeek: x.maxWeek.value,
      lowSlot: x.lowSlot.value,
      highSlot: x.highSlot.value,
    };
  }

  /**
   * Frees the engine for the next kernel over the same file on this thread, once the kernel
   * has copied its results: the slots it wrote, [lowSlot, highSlot], go back to empty.
   */
  release(lowSlot: number, highSlot: number): void {
    if (!this.busy) return;
    if (highSlot >= lowSlot) this.classes.fill(-1, lowSlot, highSlot + 1);
    this.busy = false;
    let list = free.get(this.params);
    if (!list) free.set(this.params, (list = []));
    list.push(this);
  }
}
