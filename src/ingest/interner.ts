import { hashBytes } from './idTable.js';
import type { RecordView } from './scan.js';

const MAX_BYTES = 48;
const MAX_DISTINCT = 4096;

/**
 * The dictionary of one column: `code` gives the same code for the same bytes
 * (municipalities, categories and small numbers repeat across thousands of rows), whose
 * string is `strings[code]`. Stops looking values up after MAX_DISTINCT distinct values:
 * an id-like column then gets a new entry per field. Open addressing over the value
 * bytes; the table starts small and doubles.
 */
export class Interner {
  private slots = new Int32Array(64).fill(-1);
  private stash = Buffer.allocUnsafe(1024);
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly hashes: number[] = [];
  /** Code (index into strings) of each looked-up entry; slots hold indices into these arrays. */
  private readonly codes: number[] = [];
  readonly strings: string[] = [];
  private used = 0;
  private off = false;

  code(v: RecordView, i: number): number {
    const s = v.starts[i]!;
    const e = v.ends[i]!;
    const n = e - s;
    if (this.off || n > MAX_BYTES || v.quoted[i] === 2) return this.unlisted(v.text(i));
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
        if (j === n) return this.codes[k]!;
      }
      slot = (slot + 1) & mask;
    }
    const text = v.text(i);
    if (this.codes.length >= MAX_DISTINCT) {
      this.off = true;
      return this.unlisted(text);
    }
    if (this.used + n > this.stash.length) {
      const bigger = Buffer.allocUnsafe(this.stash.length * 2 + n);
      this.stash.copy(bigger, 0, 0, this.used);
      this.stash = bigger;
    }
    const code = this.strings.length;
    this.slots[slot] = this.codes.length;
    this.codes.push(code);
    this.starts.push(this.used);
    this.lengths.push(n);
    this.hashes.push(h);
    this.strings.push(text);
    buf.copy(this.stash, this.used, s, e);
    this.used += n;
    if (this.codes.length * 2 > this.slots.length) this.grow();
    return code;
  }

  /** An entry that lookups never find (ids, long or escaped values). */
  private unlisted(text: string): number {
    return this.strings.push(text) - 1;
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
