/**
 * The WebAssembly engine of the wage kernel's line-by-line path (wasm/wageLines.ts; see
 * wasmEngine.ts for why): the wanted month of each person copied into its memory, and the
 * sums it shares with the JavaScript kernel (hours, income and rows per person).
 */
import type { WageParams } from './wageKernel.js';
import { WASM_BASE64 } from './wageLines.wasm.generated.js';
import { countWasmLines, EnginePool, engineOrNull, WasmEngine, type WasmGlobal } from './wasmEngine.js';

interface Exports {
  readonly ids: (...offsets: number[]) => void;
  readonly layout: (months: number, hours: number, income: number, rowsOf: number) => void;
  readonly reset: (minMonth: number, maxMonth: number, lowPerson: number) => void;
  readonly lines: (pos: number, limit: number, delim: number, markA: number, markB: number) => number;
  readonly used: WasmGlobal;
  readonly notInCohort: WasmGlobal;
  readonly outside: WasmGlobal;
  readonly minMonth: WasmGlobal;
  readonly maxMonth: WasmGlobal;
  readonly lowPerson: WasmGlobal;
  readonly highPerson: WasmGlobal;
  readonly line: WasmGlobal;
}

type Region = 'months' | 'hours' | 'income' | 'rowsOf';

/** What one kernel's lines read in WebAssembly, to add to what it read in JavaScript. */
export interface WageWasmCounts {
  readonly used: number;
  readonly notInCohort: number;
  readonly outside: number;
  readonly minMonth: number;
  readonly maxMonth: number;
  readonly lowPerson: number;
  readonly highPerson: number;
}

const pool = new EnginePool<WageParams, WageWasm>();

/** An engine for a kernel over `params` (a free one of this thread, else a new one), or null without WebAssembly or its memory. */
export function acquireWageWasm(params: WageParams, minMonth: number, maxMonth: number, lowPerson: number): WageWasm | null {
  const engine = pool.take(params) ?? engineOrNull(() => new WageWasm(params));
  engine?.reset(minMonth, maxMonth, lowPerson);
  return engine;
}

export class WageWasm {
  private readonly engine: WasmEngine<Exports, Region>;
  /** Shared with the JavaScript kernel: summed into by both, in file order. */
  readonly hours: Float64Array;
  readonly income: Float64Array;
  readonly rowsOf: Int32Array;
  private busy = false;

  constructor(private readonly params: WageParams) {
    const n = params.months.length;
    const e = new WasmEngine<Exports, Region>('wages', WASM_BASE64, params.ids, { months: n * 4, hours: n * 8, income: n * 8, rowsOf: n * 4 });
    this.engine = e;
    e.copy(params.months, e.at.months);
    this.hours = new Float64Array(e.buffer, e.at.hours, n);
    this.income = new Float64Array(e.buffer, e.at.income, n);
    this.rowsOf = new Int32Array(e.buffer, e.at.rowsOf, n);
    e.x.layout(e.at.months, e.at.hours, e.at.income, e.at.rowsOf);
  }

  /** The buffer the range is read into. */
  get chunk(): Buffer {
    return this.engine.chunk;
  }

  owns(buf: Buffer): boolean {
    return this.engine.owns(buf);
  }

  reset(minMonth: number, maxMonth: number, lowPerson: number): void {
    this.busy = true;
    this.engine.resetCursor();
    this.engine.x.reset(minMonth, maxMonth, lowPerson);
  }

  /** As BenefitWasm.lines; markB is -1 when the dialect has one decimal mark. */
  lines(buf: Buffer, pos: number, limit: number, delim: number, markA: number, markB: number): { pos: number; lines: number } {
    const off = buf.byteOffset;
    const x = this.engine.x;
    const next = x.lines(off + pos, off + limit, delim, markA, markB) - off;
    const lines = x.line.value;
    countWasmLines(lines);
    return { pos: next, lines };
  }

  counts(): WageWasmCounts {
    const x = this.engine.x;
    return {
      used: x.used.value,
      notInCohort: x.notInCohort.value,
      outside: x.outside.value,
      minMonth: x.minMonth.value,
      maxMonth: x.maxMonth.value,
      lowPerson: x.lowPerson.value,
      highPerson: x.highPerson.value,
    };
  }

  /** Frees the engine once the kernel has copied its sums: persons [lowPerson, highPerson] go back to zero. */
  release(lowPerson: number, highPerson: number): void {
    if (!this.busy) return;
    if (highPerson >= lowPerson) {
      this.hours.fill(0, lowPerson, highPerson + 1);
      this.income.fill(0, lowPerson, highPerson + 1);
      this.rowsOf.fill(0, lowPerson, highPerson + 1);
    }
    this.busy = false;
    pool.give(this.params, this);
  }
}
