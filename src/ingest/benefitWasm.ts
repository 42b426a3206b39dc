/**
 * The WebAssembly engine of the benefit kernel's line-by-line path (wasm/benefitLines.ts;
 * see wasmEngine.ts for why): the follow-up weeks and the week table copied into its
 * memory, and the arrays it shares with the JavaScript kernel (the week slots, the code
 * memo, the weeks seen).
 */
import type { BenefitParams } from './benefitKernel.js';
import { WASM_BASE64 } from './benefitLines.wasm.generated.js';
import { ISO_WEEK_TABLE, WEEK_BASE, WEEK_SPAN } from './values.js';
import { countWasmLines, EnginePool, engineOrNull, WasmEngine, type WasmGlobal } from './wasmEngine.js';

/** The kernel's code memo: all-digit codes of up to 4 digits, key = value * 8 + length. */
export const SMALL_CODE_KEYS = 10000 * 8;
const LAST_CODE_BYTES = 64;

interface Exports {
  readonly ids: (...offsets: number[]) => void;
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

type Region = 'firstWeek' | 'weekCount' | 'base' | 'classes' | 'smallCodes' | 'weeksSeen' | 'weekTable' | 'lastCode';

/** What one kernel's lines read in WebAssembly, to add to what it read in JavaScript. */
export interface BenefitWasmCounts {
  readonly used: number;
  readonly notInCohort: number;
  readonly outside: number;
  readonly duplicate: number;
  readonly minWeek: number;
  readonly maxWeek: number;
  readonly lowSlot: number;
  readonly highSlot: number;
}

const pool = new EnginePool<BenefitParams, BenefitWasm>();

/** An engine for a kernel over `params` (a free one of this thread, else a new one), or null without WebAssembly or its memory. */
export function acquireBenefitWasm(params: BenefitParams, minWeek: number, maxWeek: number, lowSlot: number): BenefitWasm | null {
  const engine = pool.take(params) ?? engineOrNull(() => new BenefitWasm(params));
  engine?.reset(minWeek, maxWeek, lowSlot);
  return engine;
}

export class BenefitWasm {
  private readonly engine: WasmEngine<Exports, Region>;
  /** Shared with the JavaScript kernel: written by both. */
  readonly classes: Int8Array;
  readonly smallCodes: Int16Array;
  readonly weeksSeen: Uint8Array;
  private busy = false;

  constructor(private readonly params: BenefitParams) {
    const e = new WasmEngine<Exports, Region>('benefits', WASM_BASE64, params.ids, {
      firstWeek: params.firstWeek.byteLength,
      weekCount: params.weekCount.byteLength,
      base: params.base.byteLength,
      classes: params.weekSlots,
      smallCodes: SMALL_CODE_KEYS * 2,
      weeksSeen: WEEK_SPAN,
      weekTable: ISO_WEEK_TABLE.byteLength,
      lastCode: LAST_CODE_BYTES,
    });
    this.engine = e;
    e.copy(params.firstWeek, e.at.firstWeek);
    e.copy(params.weekCount, e.at.weekCount);
    e.copy(params.base, e.at.base);
    e.copy(ISO_WEEK_TABLE, e.at.weekTable);
    this.classes = new Int8Array(e.buffer, e.at.classes, params.weekSlots).fill(-1);
    this.smallCodes = new Int16Array(e.buffer, e.at.smallCodes, SMALL_CODE_KEYS);
    this.weeksSeen = new Uint8Array(e.buffer, e.at.weeksSeen, WEEK_SPAN);
    const at = e.at;
    e.x.layout(at.firstWeek, at.weekCount, at.base, at.classes, at.smallCodes, at.weeksSeen, WEEK_BASE, at.weekTable, at.lastCode);
  }

  /** The buffer the range is read into. */
  get chunk(): Buffer {
    return this.engine.chunk;
  }

  owns(buf: Buffer): boolean {
    return this.engine.owns(buf);
  }

  reset(minWeek: number, maxWeek: number, lowSlot: number): void {
    this.busy = true;
    this.engine.resetCursor();
    this.smallCodes.fill(0x7fff);
    this.weeksSeen.fill(0);
    this.engine.x.reset(minWeek, maxWeek, lowSlot);
  }

  /**
   * Reads lines of buf[pos, limit) (buf: this engine's chunk) until one it leaves to the
   * JavaScript kernel; returns where that line starts and how many lines it read.
   */
  lines(buf: Buffer, pos: number, limit: number, delim: number): { pos: number; lines: number } {
    const off = buf.byteOffset;
    const x = this.engine.x;
    const next = x.lines(off + pos, off + limit, delim) - off;
    const lines = x.line.value;
    countWasmLines(lines);
    return { pos: next, lines };
  }

  /** What the kernel read here so far. */
  counts(): BenefitWasmCounts {
    const x = this.engine.x;
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
    pool.give(this.params, this);
  }
}
