/**
 * What the WebAssembly panel loops (wasm/benefitLines.ts, wasm/wageLines.ts) have in
 * common on the JavaScript side: a module compiled once per thread, a memory laid out for
 * one file's kernel (the id table and its cursor, the kernel's own arrays, and the buffer
 * the byte ranges are read into), and a pool, so the next range of the same file on the
 * same thread reuses an engine instead of laying out and copying the id table again.
 *
 * Why WebAssembly at all: a JavaScript loop runs half-optimised for the first megabytes of
 * each thread in a fresh process while V8 climbs its tiers; WebAssembly is compiled to
 * machine code before the first byte is read. On the bench panel (212 MB) the benefit loop
 * reads about 1 ns a byte from the first megabyte, where JavaScript reads 1.9 ns a byte
 * once optimised and three to five times slower before.
 */
import type { IdTableParts } from './idTable.js';

/** Bytes of the buffer a range is read into (rowScan reads 4 MB chunks). */
export const WASM_CHUNK_BYTES = 1 << 22;
const LAST_ID_BYTES = 256;
const PAGE = 65536;

/** The parts of the WebAssembly API used here (TypeScript's Node types do not declare it). */
export interface WasmGlobal {
  value: number;
}
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmApi {
  readonly Memory: new (descriptor: { initial: number }) => WasmMemory;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: unknown };
}
export const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** The exports both loops have: the id table's layout. */
interface IdExports {
  readonly ids: (...offsets: number[]) => void;
}

const compiled = new Map<string, object>();
let linesRead = 0;

/** Lines the WebAssembly loops have read on this thread (for tests: that they are used at all). */
export const wasmLinesRead = (): number => linesRead;
export const countWasmLines = (n: number): void => {
  linesRead += n;
};

/** Whether this thread can run the loops (always on Node 20; else the JavaScript loops read every line). */
export const wasmAvailable = (): boolean => wasmApi !== undefined;

/**
 * `make()`, or null if it throws: an engine whose memory cannot be had (a cohort of tens of
 * millions on a small machine: WebAssembly memory is one block of at most 4 GB) leaves the
 * lines to the JavaScript loops, which give the same results.
 */
export function engineOrNull<E>(make: () => E): E | null {
  if (!wasmAvailable()) return null;
  try {
    return make();
  } catch {
    return null;
  }
}

/**
 * One engine's memory: the id table (copied), the cursor's arrays, the chunk buffer and
 * the regions a kernel asks for (`sizes`, in bytes), each at an 8-byte aligned offset.
 */
export class WasmEngine<X extends IdExports, R extends string> {
  readonly buffer: ArrayBuffer;
  readonly chunk: Buffer;
  /** Byte offset of each region in the memory. */
  readonly at: Readonly<Record<R, number>>;
  readonly x: X;
  private readonly successor: Int32Array;

  constructor(name: string, base64: string, ids: IdTableParts, sizes: Readonly<Record<R, number>>) {
    const api = wasmApi!;
    const persons = ids.personKey.length;
    // Offset 0 is left unused, so no array starts at a null pointer.
    let size = 8;
    const place = (bytes: number): number => {
      const at = size;
      size += (bytes + 7) & ~7;
      return at;
    };
    const idAt = {
      keys: place(ids.keys.byteLength),
      keyStart: place(ids.keyStart.byteLength),
      keyEnd: place(ids.keyEnd.byteLength),
      keyPerson: place(ids.keyPerson.byteLength),
      personKey: place(ids.personKey.byteLength),
      slots: place(ids.slots.byteLength),
      successor: place(persons * 4),
      lastId: place(LAST_ID_BYTES),
    };
    const at = {} as Record<R, number>;
    for (const key of Object.keys(sizes) as R[]) at[key] = place(sizes[key]);
    // Eight bytes more than the chunk: the loops compare ids and codes eight bytes at a time.
    const chunkAt = place(WASM_CHUNK_BYTES + 8);
    const memory = new api.Memory({ initial: Math.ceil(size / PAGE) });
    this.buffer = memory.buffer;
    this.at = at;
    for (const k of ['keys', 'keyStart', 'keyEnd', 'keyPerson', 'personKey', 'slots'] as const) this.copy(ids[k], idAt[k]);
    this.successor = new Int32Array(this.buffer, idAt.successor, persons);
    this.chunk = Buffer.from(this.buffer, chunkAt, WASM_CHUNK_BYTES);
    let module = compiled.get(name);
    if (!module) compiled.set(name, (module = new api.Module(Buffer.from(base64, 'base64'))));
    this.x = new api.Instance(module, { env: { memory } }).exports as X;
    this.x.ids(idAt.keys, idAt.keyStart, idAt.keyEnd, idAt.keyPerson, idAt.personKey, idAt.slots, ids.slots.length, persons, idAt.successor, idAt.lastId);
  }

  /** Copies `array` into the memory at byte offset `at`. */
  copy(array: ArrayBufferView, at: number): void {
    new Uint8Array(this.buffer, at, array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }

  /** Forgets the cursor's successors (the loop's reset forgets the rest). */
  resetCursor(): void {
    this.successor.fill(-1);
  }

  /** Whether `buf` is this engine's chunk buffer (rowScan may have replaced it by a larger one for a very long record). */
  owns(buf: Buffer): boolean {
    return buf.buffer === this.buffer;
  }
}

/** A kernel's use of its engine: lines the engine left to the kernel, and lines the engine read. */
export interface EngineUse {
  handedBack: number;
  engineLines: number;
}

/** Whether the engine has left more than a quarter of its lines (and over 1,024) to the kernel: then the kernel reads alone. */
export const engineGivesUp = (use: EngineUse): boolean => use.handedBack > 1024 && use.handedBack * 4 > use.engineLines;

/**
 * A kernel's line-by-line path with an engine: `read(pos)` (the engine) reads lines from
 * `pos` until one it leaves, and `one(pos)` (the kernel's JavaScript path) reads that one;
 * then the engine goes on after it. Stops where `one` cannot go on (a line not complete).
 */
export function engineLoop(use: EngineUse, counts: { line: number; rows: number }, pos: number, read: (pos: number) => { pos: number; lines: number }, one: (pos: number) => number): number {
  for (;;) {
    const r = read(pos);
    counts.line += r.lines;
    counts.rows += r.lines;
    use.engineLines += r.lines;
    const next = one(r.pos);
    if (next === r.pos) return next;
    use.handedBack++;
    pos = next;
  }
}

/** Free engines per kernel parameters (one file's), on this thread. */
export class EnginePool<P extends object, E> {
  private readonly free = new WeakMap<P, E[]>();

  take(params: P): E | undefined {
    return this.free.get(params)?.pop();
  }

  give(params: P, engine: E): void {
    let list = this.free.get(params);
    if (!list) this.free.set(params, (list = []));
    list.push(engine);
  }
}
