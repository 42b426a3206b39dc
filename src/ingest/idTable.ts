/**
 * Person lookup by the raw bytes of an id field, so a panel row needs no string: an
 * open-addressing hash table (linear probing, FNV-1a 32-bit hash with a murmur3
 * finaliser) over the ids encoded in the file's encoding. When the encoding is not yet
 * known, both the UTF-8 and the Windows-1252 spelling of a non-ASCII id are entered.
 */
import type { Encoding } from './dialect.js';
import { encodeText } from './text.js';

const SPACE = 32;
const TAB = 9;

export class IdTable {
  private readonly keys: Buffer;
  private readonly keyStart: Int32Array;
  private readonly keyEnd: Int32Array;
  private readonly keyPerson: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(ids: readonly string[], encodings: readonly Encoding[]) {
    const parts: Buffer[] = [];
    const owners: number[] = [];
    ids.forEach((id, p) => {
      const spellings = new Set<string>();
      for (const enc of encodings) {
        const bytes = encodeText(id, enc);
        if (!bytes || spellings.has(bytes.toString('latin1'))) continue;
        spellings.add(bytes.toString('latin1'));
        parts.push(bytes);
        owners.push(p);
      }
    });
    this.keys = Buffer.concat(parts);
    this.keyStart = new Int32Array(parts.length);
    this.keyEnd = new Int32Array(parts.length);
    this.keyPerson = Int32Array.from(owners);
    let size = 16;
    while (size < parts.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    let at = 0;
    parts.forEach((b, k) => {
      this.keyStart[k] = at;
      at += b.length;
      this.keyEnd[k] = at;
      if (this.findKey(this.keys, this.keyStart[k]!, at) >= 0) return; // same bytes for two ids cannot happen (ids are unique strings)
      let slot = hashBytes(this.keys, this.keyStart[k]!, at) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = k;
    });
  }

  /** The person index of the id in buf[s, e) (surrounding blanks ignored), or -1. */
  find(buf: Buffer, s: number, e: number): number {
    while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    const k = this.findKey(buf, s, e);
    return k < 0 ? -1 : this.keyPerson[k]!;
  }

  private findKey(buf: Buffer, s: number, e: number): number {
    const len = e - s;
    let slot = hashBytes(buf, s, e) & this.mask;
    const keys = this.keys;
    for (;;) {
      const k = this.slots[slot]!;
      if (k < 0) return -1;
      const ks = this.keyStart[k]!;
      if (this.keyEnd[k]! - ks === len) {
        let j = 0;
        while (j < len && keys[ks + j] === buf[s + j]) j++;
        if (j === len) return k;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

export function hashBytes(buf: Buffer, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
