// The cohort files' usual lines in WebAssembly (AssemblyScript; compiled by
// scripts/build-wasm.mjs into src/ingest/tableLines.wasm.generated.ts): a port of the
// plain-record loop of scanChunk (src/ingest/scan.ts) and of Interner.code
// (src/ingest/interner.ts) for lines of ASCII without quotes. Each field gets its column's
// dictionary code, with Interner's rules: a new value is added with the column's next code
// while the dictionary has fewer than 4,096 entries, after which the column stops looking
// values up (ids); values longer than 48 bytes are never looked up. Every value that needs
// a string (new entries, and values not looked up) is copied out, in order, for JavaScript
// to make strings of. The dictionaries are laid out in this module's memory by
// src/ingest/tableWasm.ts, whose TableInterner reads the lines this loop leaves: a line
// with a quote or a byte of 0x80 or more, or with another number of fields than the header.

import { byte, CR, hashBytes, LF, sameBytes } from './persons';

const QUOTE: u32 = 34;
const MAX_BYTES: i32 = 48;
const MAX_DISTINCT: i32 = 4096;
const SLOTS: u32 = 8192;

// Layout, set by `layout`.
let width: i32 = 0;
/** Per column: slots (SLOTS i32), entry starts, lengths and codes (MAX_DISTINCT i32 each), stash (MAX_DISTINCT * MAX_BYTES bytes). */
let columns: usize = 0;
const STARTS: usize = <usize>SLOTS << 2;
const LENGTHS: usize = STARTS + (<usize>MAX_DISTINCT << 2);
const CODES: usize = LENGTHS + (<usize>MAX_DISTINCT << 2);
const STASH: usize = CODES + (<usize>MAX_DISTINCT << 2);
/**
 * Per column, a cache of values of at most 8 bytes (CACHE_SLOTS entries: the value's bytes as
 * one u64, its length, its code), direct-mapped by the bytes: a categorical value (municipality,
 * civil status, yes/no, an age) is then found with one compare of eight bytes instead of
 * hashing it byte by byte, probing the dictionary and comparing its bytes. An entry only ever
 * holds a value the dictionary has, with the code it has there, which never changes; an entry
 * that does not match is looked up in the dictionary as before. Cleared (length -1) when the
 * column's dictionary is (TableInterner).
 */
const CACHE: usize = STASH + <usize>(MAX_DISTINCT * MAX_BYTES);
const CACHE_SLOTS: u32 = 256;
const CACHE_LENGTHS: usize = CACHE + (<usize>CACHE_SLOTS << 3);
const CACHE_CODES: usize = CACHE_LENGTHS + (<usize>CACHE_SLOTS << 2);
let columnBytes: usize = 0;
/** Per column, 4 i32: off, entries, stash used, next code (the column's number of strings). */
let state: usize = 0;
/** Batch output: codes column-major (batchCap per column), line of each row. */
let outCodes: usize = 0;
let outLines: usize = 0;
let batchCap: i32 = 0;
/** Bytes of the values copied out, and per value (column, offset, length). */
let arena: usize = 0;
let arenaCap: i32 = 0;
let copied: usize = 0;
let copiedCap: i32 = 0;
/** Scratch per column: field start, end, code (-1: copy out, -2: copy out and stop looking up, -3: add to the dictionary and copy out). */
let fieldStart: usize = 0;
let fieldEnd: usize = 0;
let fieldCode: usize = 0;

/** Rows in the batch, bytes in the arena, values copied out. */
export let rows: i32 = 0;
export let arenaUsed: i32 = 0;
export let copiedCount: i32 = 0;
/** Lines read by the last call (records and blank lines). */
export let lines: i32 = 0;
/** Why the last call stopped: 0 a line it leaves to JavaScript or not complete, 1 the batch or arena is full. */
export let full: i32 = 0;

export function layout(
  w: i32, columnsAt: usize, columnBytesValue: usize, stateAt: usize, outCodesAt: usize, outLinesAt: usize, batchCapValue: i32,
  arenaAt: usize, arenaCapValue: i32, copiedAt: usize, copiedCapValue: i32, fieldStartAt: usize, fieldEndAt: usize, fieldCodeAt: usize,
): void {
  width = w; columns = columnsAt; columnBytes = columnBytesValue; state = stateAt; outCodes = outCodesAt; outLines = outLinesAt;
  batchCap = batchCapValue; arena = arenaAt; arenaCap = arenaCapValue; copied = copiedAt; copiedCap = copiedCapValue;
  fieldStart = fieldStartAt; fieldEnd = fieldEndAt; fieldCode = fieldCodeAt;
}

/** Empties the batch and the arena (JavaScript has taken them). */
export function flushed(): void {
  rows = 0;
  arenaUsed = 0;
  copiedCount = 0;
}

@inline function stateAt(c: i32, k: i32): usize { return state + (<usize>(c * 4 + k) << 2); }

/** The code of buf[s, e) in column c's dictionary, or -1 if it has no such entry. */
function find(c: i32, s: usize, e: usize): i32 {
  const base = columns + <usize>c * columnBytes;
  const n = <i32>(e - s);
  let slot = hashBytes(s, e) & (SLOTS - 1);
  for (;;) {
    const k = load<i32>(base + (<usize>slot << 2));
    if (k < 0) return -1;
    if (load<i32>(base + LENGTHS + (<usize>k << 2)) == n) {
      const at = base + STASH + <usize>load<i32>(base + STARTS + (<usize>k << 2));
      if (sameBytes(at, s, n)) return load<i32>(base + CODES + (<usize>k << 2));
    }
    slot = (slot + 1) & (SLOTS - 1);
  }
  return -1;
}

/** The bytes of buf[s, s + n) (n ≤ 8) as one u64, the bytes after them masked out (the chunk has 8 bytes of room after it). */
@inline function shortKey(s: usize, n: i32): u64 {
  return n == 8 ? load<u64>(s) : load<u64>(s) & ((<u64>1 << (<u64>n << 3)) - 1);
}

/** The cache slot of a short value's bytes (Fibonacci hashing: the top 8 bits of key · 2^64/φ). */
@inline function cacheSlot(key: u64, n: i32): usize {
  return <usize>(((key + <u64>n) * 0x9e3779b97f4a7c15) >> 56);
}

/** The code of buf[s, s + n) (n ≤ 8) in column c's dictionary, through the column's cache; -1 if it has no such entry. */
function findShort(c: i32, s: usize, n: i32): i32 {
  const base = columns + <usize>c * columnBytes;
  const key = shortKey(s, n);
  const slot = cacheSlot(key, n);
  if (load<i32>(base + CACHE_LENGTHS + (slot << 2)) == n && load<u64>(base + CACHE + (slot << 3)) == key) return load<i32>(base + CACHE_CODES + (slot << 2));
  const code = find(c, s, s + <usize>n);
  if (code >= 0) {
    store<u64>(base + CACHE + (slot << 3), key);
    store<i32>(base + CACHE_LENGTHS + (slot << 2), n);
    store<i32>(base + CACHE_CODES + (slot << 2), code);
  }
  return code;
}

/** Adds buf[s, e) to column c's dictionary (it is not there, and there is room) with the column's next code. */
function insert(c: i32, s: usize, e: usize, code: i32): void {
  const base = columns + <usize>c * columnBytes;
  const n = <i32>(e - s);
  let slot = hashBytes(s, e) & (SLOTS - 1);
  while (load<i32>(base + (<usize>slot << 2)) >= 0) slot = (slot + 1) & (SLOTS - 1);
  const k = load<i32>(stateAt(c, 1));
  const used = load<i32>(stateAt(c, 2));
  store<i32>(base + (<usize>slot << 2), k);
  store<i32>(base + STARTS + (<usize>k << 2), used);
  store<i32>(base + LENGTHS + (<usize>k << 2), n);
  store<i32>(base + CODES + (<usize>k << 2), code);
  memory.copy(base + STASH + <usize>used, s, <usize>n);
  store<i32>(stateAt(c, 1), k + 1);
  store<i32>(stateAt(c, 2), used + n);
}

/**
 * Reads the records of buf[pos, limit) that it can, from line number `line` on, into the
 * batch; returns where it stopped (`lines` tells how many lines it read, `full` why).
 */
export function read(pos: usize, limit: usize, delim: u32, line: i32): usize {
  lines = 0;
  full = 0;
  for (;;) {
    // Split the line, checking its bytes.
    let nf: i32 = 0;
    let fs = pos;
    let k = pos;
    let e: usize = 0;
    for (;;) {
      if (k >= limit) return pos;
      const b = byte(k);
      if (b == delim) {
        if (nf < width) {
          store<i32>(fieldStart + (<usize>nf << 2), <i32>fs);
          store<i32>(fieldEnd + (<usize>nf << 2), <i32>k);
        }
        nf++;
        fs = k + 1;
      } else if (b == LF) {
        e = k;
        if (e > fs && byte(e - 1) == CR) e--;
        break;
      } else if (b == QUOTE || b >= 0x80) return pos;
      k++;
    }
    if (nf == 0 && e == fs) {
      // A blank line: not a record.
      lines++;
      pos = k + 1;
      continue;
    }
    if (nf < width) {
      store<i32>(fieldStart + (<usize>nf << 2), <i32>fs);
      store<i32>(fieldEnd + (<usize>nf << 2), <i32>e);
    }
    nf++;
    if (nf != width) return pos;
    if (rows == batchCap) {
      full = 1;
      return pos;
    }
    // Look each field up without changing anything, so the line can still go back whole.
    let copyBytes: i32 = 0;
    for (let c = 0; c < width; c++) {
      const s = <usize>load<i32>(fieldStart + (<usize>c << 2));
      const fe = <usize>load<i32>(fieldEnd + (<usize>c << 2));
      const n = <i32>(fe - s);
      let code: i32;
      if (load<i32>(stateAt(c, 0)) != 0 || n > MAX_BYTES) code = -1;
      else {
        code = n <= 8 ? findShort(c, s, n) : find(c, s, fe);
        // A new value: added to the dictionary while it has room, else the column stops looking up.
        if (code < 0) code = load<i32>(stateAt(c, 1)) < MAX_DISTINCT ? -3 : -2;
      }
      if (code < 0) copyBytes += n;
      store<i32>(fieldCode + (<usize>c << 2), code);
    }
    if (arenaUsed + copyBytes > arenaCap || copiedCount + width > copiedCap) {
      full = 1;
      return pos;
    }
    for (let c = 0; c < width; c++) {
      let code = load<i32>(fieldCode + (<usize>c << 2));
      if (code < 0) {
        if (code == -2) store<i32>(stateAt(c, 0), 1);
        const s = <usize>load<i32>(fieldStart + (<usize>c << 2));
        const n = load<i32>(fieldEnd + (<usize>c << 2)) - <i32>s;
        if (code == -3) insert(c, s, s + <usize>n, load<i32>(stateAt(c, 3)));
        memory.copy(arena + <usize>arenaUsed, s, <usize>n);
        const rec = copied + (<usize>(copiedCount * 3) << 2);
        store<i32>(rec, c);
        store<i32>(rec + 4, arenaUsed);
        store<i32>(rec + 8, n);
        copiedCount++;
        arenaUsed += n;
        code = load<i32>(stateAt(c, 3));
        store<i32>(stateAt(c, 3), code + 1);
      }
      store<i32>(outCodes + (<usize>(c * batchCap + rows) << 2), code);
    }
    store<i32>(outLines + (<usize>rows << 2), line + lines);
    rows++;
    lines++;
    pos = k + 1;
  }
  return pos;
}
