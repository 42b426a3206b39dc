/**
 * Person lookup by the raw bytes of an id field, so a panel row needs no string: an
 * open-addressing hash table (linear probing, FNV-1a 32-bit hash with a murmur3
 * finaliser) over the ids encoded in the file's encoding. When the encoding is not yet
 * known, both the UTF-8 and the Windows-1252 spelling of a non-ASCII id are entered.
 */
import type { Encoding } from './dialect.js';
import { encodeText } from './text.js';
import type { Wanted } from './wanted.js';

const SPACE = 32;
const LF = 10;
/** How many persons after the previous one `after` compares before hashing. */
const NEIGHBOURS = 4;
const TAB = 9;

/** The table's arrays, plain enough to hand to a worker thread (structured clone). */
export interface IdTableParts {
  readonly keys: Uint8Array;
  readonly keyStart: Int32Array;
  readonly keyEnd: Int32Array;
  readonly keyPerson: Int32Array;
  /** person → its first key (spelling) */
  readonly personKey: Int32Array;
  readonly slots: Int32Array;
}

export class IdTable {
  private readonly keys: Buffer;
  private readonly mask: number;

  constructor(readonly parts: IdTableParts) {
    this.keys = Buffer.from(parts.keys.buffer, parts.keys.byteOffset, parts.keys.byteLength);
    this.mask = parts.slots.length - 1;
  }

  static build(ids: readonly string[], encodings: readonly Encoding[]): IdTable {
    const ascii = IdTable.allAscii(ids);
    if (ascii !== null) return ascii;
    // ASCII ids (the usual case) have the same bytes in every encoding: copy them directly.
    // Typed arrays sized for one spelling per person, grown only for non-ASCII ids.
    let bytes = 0;
    for (const id of ids) bytes += id.length;
    let keys = Buffer.allocUnsafe(Math.max(bytes, 16));
    let starts = new Int32Array(Math.max(ids.length, 16));
    let ends = new Int32Array(starts.length);
    let owners = new Int32Array(starts.length);
    let count = 0;
    const personKey = new Int32Array(ids.length).fill(-1);
    let at = 0;
    const append = (b: Uint8Array | string, p: number): void => {
      const n = b.length;
      if (at + n > keys.length) {
        const bigger = Buffer.allocUnsafe(Math.max(keys.length * 2, at + n));
        keys.copy(bigger, 0, 0, at);
        keys = bigger;
      }
      if (count === starts.length) {
        const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
          const g = new Int32Array(a.length * 2);
          g.set(a);
          return g;
        };
        starts = grow(starts);
        ends = grow(ends);
        owners = grow(owners);
      }
      if (typeof b === 'string') for (let j = 0; j < n; j++) keys[at + j] = b.charCodeAt(j);
      else keys.set(b, at);
      if (personKey[p] === -1) personKey[p] = count;
      starts[count] = at;
      at += n;
      ends[count] = at;
      owners[count++] = p;
    };
    for (let p = 0; p < ids.length; p++) {
      const id = ids[p]!;
      if (isAscii(id)) {
        append(id, p);
        continue;
      }
      const seen: Buffer[] = [];
      for (const enc of encodings) {
        const spelled = encodeText(id, enc);
        if (spelled && !seen.some((b) => b.equals(spelled))) {
          seen.push(spelled);
          append(spelled, p);
        }
      }
    }
    return IdTable.hashed({
      keys: keys.subarray(0, at),
      keyStart: starts.subarray(0, count),
      keyEnd: ends.subarray(0, count),
      keyPerson: owners.subarray(0, count),
      personKey,
      slots: new Int32Array(0),
    });
  }

  /**
   * The table when every id is ASCII (the usual case: one spelling per person, the same in
   * every encoding), made from one native encoding of all ids joined; null otherwise.
   */
  private static allAscii(ids: readonly string[]): IdTable | null {
    const n = ids.length;
    const keyStart = new Int32Array(n);
    const keyEnd = new Int32Array(n);
    // Key k is person k's only spelling: the key-to-person map is the identity, both ways.
    const identity = new Int32Array(n);
    let at = 0;
    for (let p = 0; p < n; p++) {
      keyStart[p] = at;
      at += ids[p]!.length;
      keyEnd[p] = at;
      identity[p] = p;
    }
    const keys = Buffer.allocUnsafe(at);
    if (!copyAscii(ids, keys)) return null;
    return IdTable.hashed({ keys, keyStart, keyEnd, keyPerson: identity, personKey: identity, slots: new Int32Array(0) });
  }

  /**
   * A table over the given keys, with its hash slots filled. Its arrays live in shared
   * memory: the reading threads are sent the table with each panel's parameters, and a
   * structured clone of shared memory is the same memory, not a copy per thread and panel
   * (64 MB per worker at a million persons).
   */
  private static hashed(given: IdTableParts): IdTable {
    const count = given.keyStart.length;
    let size = 16;
    while (size < count * 2) size *= 2;
    const keyPerson = shared(given.keyPerson);
    const parts: IdTableParts = {
      keys: shared(given.keys),
      keyStart: shared(given.keyStart),
      keyEnd: shared(given.keyEnd),
      keyPerson,
      // The all-ASCII table's two identity maps are one array: still one after the copy.
      personKey: given.personKey === given.keyPerson ? keyPerson : shared(given.personKey),
      slots: sharedInt32(size).fill(-1),
    };
    const table = new IdTable(parts);
    const { slots, keyStart, keyEnd } = table.parts;
    for (let k = 0; k < count; k++) {
      let slot = hashBytes(table.keys, keyStart[k]!, keyEnd[k]!) & table.mask;
      while (slots[slot] !== -1) slot = (slot + 1) & table.mask;
      slots[slot] = k;
    }
    return table;
  }

  /** Whether buf[s, e) is exactly the id of person p (no trimming: a cheap check of a guess). */
  is(p: number, buf: Buffer, s: number, e: number): boolean {
    const k = this.parts.personKey[p]!;
    const ks = this.parts.keyStart[k]!;
    const n = e - s;
    if (this.parts.keyEnd[k]! - ks !== n) return false;
    const keys = this.keys;
    let j = 0;
    while (j < n && keys[ks + j] === buf[s + j]) j++;
    return j === n;
  }

  /**
   * As find, but first tries the few persons after `prev` in cohort order: a panel sorted
   * by person, like the cohort files, lists them in that order (skipping persons without
   * rows), and a byte comparison is cheaper than hashing and probing a large table.
   */
  after(prev: number, buf: Buffer, s: number, e: number): number {
    const last = Math.min(prev + NEIGHBOURS, this.parts.personKey.length - 1);
    for (let q = prev + 1; q <= last; q++) if (q >= 0 && this.is(q, buf, s, e)) return q;
    return this.find(buf, s, e);
  }

  /** The person index of the id in buf[s, e) (surrounding blanks ignored), or -1. */
  find(buf: Buffer, s: number, e: number): number {
    while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    const len = e - s;
    const { slots, keyStart, keyEnd, keyPerson } = this.parts;
    const keys = this.keys;
    let slot = hashBytes(buf, s, e) & this.mask;
    for (;;) {
      const k = slots[slot]!;
      if (k < 0) return -1;
      const ks = keyStart[k]!;
      if (keyEnd[k]! - ks === len) {
        let j = 0;
        while (j < len && keys[ks + j] === buf[s + j]) j++;
        if (j === len) return keyPerson[k]!;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * Person lookup for one panel range, row after row: the previous row's id is remembered
 * (rows of a person usually come together); otherwise the person who followed the
 * previous one last time is tried (panels sorted by week list the persons in the same
 * order every week), then the next few in cohort order (IdTable.after), then the hash.
 * Shared by the benefit and wage kernels; `lastId`, `lastIdLength` and `lastPerson` are
 * read by the benefit kernel's line-by-line path.
 */
export class PersonCursor {
  readonly lastId = Buffer.alloc(256);
  lastIdLength = -1;
  lastPerson = -1;
  /** Whether the id idField last found is the previous row's (then lastPerson is its person). */
  idSame = false;
  /** person → the person whose row came after theirs last time (-1: unknown or not in the cohort) */
  private readonly successor: Int32Array;

  constructor(private readonly ids: IdTable) {
    this.successor = new Int32Array(ids.parts.personKey.length).fill(-1);
  }

  /** Remember no previous id: the next row's is looked up in full. */
  forget(): void {
    this.lastIdLength = -1;
  }

  /**
   * Where the id field at `pos` ends: the delimiter after it, before `limit`; -1 when the
   * field is empty or the line or buffer ends first. Compared first with the previous row's
   * id (a person's rows usually follow one another), else scanned. `idSame` tells which.
   */
  idField(buf: Buffer, pos: number, limit: number, delim: number): number {
    const m = this.lastIdLength;
    if (m > 0 && pos + m < limit && buf[pos + m] === delim) {
      const last = this.lastId;
      let j = 0;
      while (j < m && buf[pos + j] === last[j]) j++;
      if (j === m) {
        this.idSame = true;
        return pos + m;
      }
    }
    this.idSame = false;
    let k = pos;
    while (k < limit && buf[k] !== delim && buf[k] !== LF) k++;
    return k < limit && buf[k] === delim && k > pos ? k : -1;
  }

  /**
   * The person index of the id in buf[s, e), -1 if not in the cohort, -2 if blank (for the
   * caller to report; not remembered). `differs`: the caller has found the id to differ
   * from the previous row's already.
   */
  person(buf: Buffer, s: number, e: number, differs = false): number {
    const n = e - s;
    if (!differs && n === this.lastIdLength) {
      const last = this.lastId;
      let j = 0;
      while (j < n && buf[s + j] === last[j]) j++;
      if (j === n) return this.lastPerson;
    }
    const prev = this.lastPerson;
    const guess = prev >= 0 ? this.successor[prev]! : -1;
    const p = guess >= 0 && this.ids.is(guess, buf, s, e) ? guess : this.ids.after(prev, buf, s, e);
    if (prev >= 0) this.successor[prev] = p;
    if (p < 0 && isBlankBytes(buf, s, e)) return -2;
    if (n <= this.lastId.length) {
      // A plain loop beats a native copy for a few bytes.
      for (let k = s; k < e; k++) this.lastId[k - s] = buf[k]!;
      this.lastIdLength = n;
      this.lastPerson = p;
    }
    return p;
  }
}

/** Whether buf[s, e) holds only spaces and tabs. */
export function isBlankBytes(buf: Buffer, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (buf[k] !== SPACE && buf[k] !== TAB) return false;
  return true;
}

function isAscii(text: string): boolean {
  for (let j = 0; j < text.length; j++) if (text.charCodeAt(j) >= 0x80) return false;
  return true;
}

const built = new WeakMap<object, Map<string, IdTable>>();

/**
 * The table for the ids of `wanted`, built once per Wanted and encoding set: the benefit
 * and wage panels of one run are read with the same `wanted` (read-only to us).
 */
export function idTableFor(wanted: Wanted, encodings: readonly Encoding[]): IdTable {
  let byEncoding = built.get(wanted);
  if (!byEncoding) built.set(wanted, (byEncoding = new Map()));
  const key = `${wanted.ids.length}:${encodings.join(',')}`;
  let table = byEncoding.get(key);
  if (!table) byEncoding.set(key, (table = IdTable.build(wanted.ids, encodings)));
  return table;
}

/**
 * Writes the ids' characters into `keys`, one byte each, end to end; false if any is not
 * ASCII (the bytes written are then of no use). A loop over the characters, not
 * `ids.join('')` and one encoding: on 201,000 ids of the bench cohort 6.6 ms against 16.
 */
function copyAscii(ids: readonly string[], keys: Uint8Array): boolean {
  let at = 0;
  let high = 0;
  for (let p = 0; p < ids.length; p++) {
    const id = ids[p]!;
    for (let j = 0; j < id.length; j++) {
      const c = id.charCodeAt(j);
      high |= c;
      keys[at++] = c;
    }
  }
  return high < 128;
}

/** A copy of `a` in shared memory (see IdTable.hashed). */
function shared<T extends Uint8Array | Int32Array>(a: T): T {
  // Never a.constructor: for a Buffer that is Node's deprecated Buffer() constructor.
  const memory = new SharedArrayBuffer(a.byteLength);
  const copy = a instanceof Int32Array ? new Int32Array(memory) : new Uint8Array(memory);
  copy.set(a);
  return copy as T;
}

/** An Int32Array of n zeros in shared memory, for arrays sent to every reading thread. */
export function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(n * 4));
}

export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
