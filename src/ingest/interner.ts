import { hashBytes } from './idTable.js';
import type { RecordView } from './scan.js';

const MAX_BYTES = 48;
const MAX_DISTINCT = 4096;

/**
 * Decodes the fields of one column, returning the same string object for the same bytes
 * (municipalities, categories and small numbers repeat across thousands of rows). Gives
 * up after MAX_DISTINCT distinct values: an id-like column is decoded field by field.
 * Open addressing over the value bytes; the table starts small and doubles.
 */
export class Interner {
  private slots = new Int32Array(64).fill(-1);
  private stash = Buffer.allocUnsafe(1024);
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly hashes: number[] = [];
  private readonly strings: string[] = [];
  private used = 0;
  private off = false;

  get(v: RecordView, i: number): string {
    const s = v.starts[i]!;
    const e = v.ends[i]!;
    const n = e - s;
    if (this.off || n > MAX_BYTES || v.quoted[i] === 2) return v.text(i);
    const buf = v.buf;
    const h = hashBytes(buf, s, e);
    const mask = this.slots.length - 1;
    let slot = h & mask;
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
    if (this.used + n > this.stash.length) {
      const bigger = Buffer.allocUnsafe(this.stash.length * 2 + n);
      this.stash.copy(bigger, 0, 0, this.used);
      this.stash = bigger;
    }
    this.slots[slot] = this.strings.length;
    this.starts.push(this.used);
    this.lengths.push(n);
    this.hashes.push(h);
    this.strings.push(text);
    buf.copy(this.stash, this.used, s, e);
    this.used += n;
    if (this.strings.length * 2 > this.slots.length) this.grow();
    return text;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    this.hashes.forEach((h, k) => {
      let slot = h & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = k;
    });
    this.slots = slots;
  }
}
