import { hashBytes } from './idTable.js';
import type { RecordView } from './scan.js';

const MAX_BYTES = 48;
const MAX_DISTINCT = 4096;

/**
 * Decodes the fields of one column, returning the same string object for the same bytes
 * (municipalities, categories and small numbers repeat across thousands of rows). Gives
 * up after MAX_DISTINCT distinct values: an id-like column is decoded field by field.
 */
export class Interner {
  private readonly slots = new Int32Array(MAX_DISTINCT * 2).fill(-1);
  private readonly stash = Buffer.alloc(MAX_DISTINCT * MAX_BYTES);
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly strings: string[] = [];
  private used = 0;
  private off = false;

  get(v: RecordView, i: number): string {
    const s = v.starts[i]!;
    const e = v.ends[i]!;
    const n = e - s;
    if (this.off || n > MAX_BYTES || v.quoted[i] === 2) return v.text(i);
    const buf = v.buf;
    const mask = this.slots.length - 1;
    let slot = hashBytes(buf, s, e) & mask;
    for (;;) {
      const k = this.slots[slot]!;
      if (k < 0) break;
      if (this.lengths[k] === n) {
        const at = this.starts[k]!;
        let j = 0;
        while (j < n && this.stash[at + j] === buf[s + j]) j++;
        if (j === n) return this.strings[k]!;
      }
      slot = (slot + 1) & mask;
    }
    const text = v.text(i);
    if (this.strings.length >= MAX_DISTINCT) {
      this.off = true;
      return text;
    }
    this.slots[slot] = this.strings.length;
    this.starts.push(this.used);
    this.lengths.push(n);
    this.strings.push(text);
    buf.copy(this.stash, this.used, s, e);
    this.used += n;
    return text;
  }
}
