// The person lookup shared by the WebAssembly panel loops (benefitLines.ts, wageLines.ts):
// a port of PersonCursor and IdTable (src/ingest/idTable.ts) over the id table's arrays,
// which src/ingest/wasmEngine.ts copies into the module's memory. Same predictions in the
// same order: the previous row's id, the person who followed the previous one last time,
// the next few in cohort order, then the hash table.

export const LF: u32 = 10;
export const CR: u32 = 13;
const SPACE: u32 = 32;
const TAB: u32 = 9;
const NEIGHBOURS: i32 = 4;
const LAST_ID_BYTES: i32 = 256;

// Where the id table lies in memory (byte offsets), set once by `ids`.
let keys: usize = 0;
let keyStart: usize = 0;
let keyEnd: usize = 0;
let keyPerson: usize = 0;
let personKey: usize = 0;
let slots: usize = 0;
let mask: u32 = 0;
let persons: i32 = 0;
let successor: usize = 0;
let lastId: usize = 0;

// The cursor: the previous row's id and person, cleared by `resetCursor`.
let lastIdLength: i32 = -1;
export let lastPerson: i32 = -1;
/** Whether the id idField last found is the previous row's (then lastPerson is its person). */
export let idSame: bool = false;

export function ids(
  keysAt: usize, keyStartAt: usize, keyEndAt: usize, keyPersonAt: usize, personKeyAt: usize,
  slotsAt: usize, slotCount: u32, personCount: i32, successorAt: usize, lastIdAt: usize,
): void {
  keys = keysAt; keyStart = keyStartAt; keyEnd = keyEndAt; keyPerson = keyPersonAt; personKey = personKeyAt;
  slots = slotsAt; mask = slotCount - 1; persons = personCount; successor = successorAt; lastId = lastIdAt;
}

/** Forgets the previous row (the successor array is cleared by the caller). */
export function resetCursor(): void {
  lastIdLength = -1;
  lastPerson = -1;
  idSame = false;
}

@inline export function byte(at: usize): u32 { return <u32>load<u8>(at); }
@inline export function i32At(array: usize, k: i32): i32 { return load<i32>(array + (<usize>k << 2)); }

/**
 * Whether the n bytes at a and at b are the same, compared eight at a time. Reads up to 7
 * bytes past each (the engine leaves room after the chunk buffer and the memo regions);
 * those bytes are masked out.
 */
@inline export function sameBytes(a: usize, b: usize, n: i32): bool {
  let j: usize = 0;
  const whole = <usize>(n & ~7);
  while (j < whole) {
    if (load<u64>(a + j) != load<u64>(b + j)) return false;
    j += 8;
  }
  const rest = n & 7;
  if (rest == 0) return true;
  const mask: u64 = (<u64>1 << (<u64>rest << 3)) - 1;
  return ((load<u64>(a + j) ^ load<u64>(b + j)) & mask) == 0;
}

/** PersonCursor.idField: where the id field at `pos` ends; -1 when empty or the line or buffer ends first. */
export function idField(pos: usize, limit: usize, delim: u32): isize {
  const m = lastIdLength;
  if (m > 0 && pos + <usize>m < limit && byte(pos + <usize>m) == delim && sameBytes(lastId, pos, m)) {
    idSame = true;
    return <isize>(pos + <usize>m);
  }
  idSame = false;
  let k = pos;
  while (k < limit && byte(k) != delim && byte(k) != LF) k++;
  return k < limit && byte(k) == delim && k > pos ? <isize>k : -1;
}

/** IdTable's hashBytes: FNV-1a 32-bit with a murmur3 finaliser (Interner's too). */
export function hashBytes(s: usize, e: usize): u32 {
  let h: u32 = 0x811c9dc5;
  for (let k = s; k < e; k++) h = (h ^ byte(k)) * 0x01000193;
  h ^= h >>> 16;
  h = h * 0x85ebca6b;
  h ^= h >>> 13;
  return h;
}

/** IdTable.is */
function isPerson(p: i32, s: usize, e: usize): bool {
  const k = i32At(personKey, p);
  if (k < 0) return false;
  const ks = i32At(keyStart, k);
  const n = <i32>(e - s);
  if (i32At(keyEnd, k) - ks != n) return false;
  let j = 0;
  while (j < n && load<u8>(keys + <usize>(ks + j)) == load<u8>(s + <usize>j)) j++;
  return j == n;
}

/** IdTable.find */
function find(s: usize, e: usize): i32 {
  while (s < e && (byte(s) == SPACE || byte(s) == TAB)) s++;
  while (e > s && (byte(e - 1) == SPACE || byte(e - 1) == TAB)) e--;
  const len = <i32>(e - s);
  let slot = hashBytes(s, e) & mask;
  for (;;) {
    const k = i32At(slots, <i32>slot);
    if (k < 0) return -1;
    const ks = i32At(keyStart, k);
    if (i32At(keyEnd, k) - ks == len) {
      let j = 0;
      while (j < len && load<u8>(keys + <usize>(ks + j)) == load<u8>(s + <usize>j)) j++;
      if (j == len) return i32At(keyPerson, k);
    }
    slot = (slot + 1) & mask;
  }
  return -1;
}

/** IdTable.after */
function after(prev: i32, s: usize, e: usize): i32 {
  const last = min(prev + NEIGHBOURS, persons - 1);
  for (let q = prev + 1; q <= last; q++) if (q >= 0 && isPerson(q, s, e)) return q;
  return find(s, e);
}

/** PersonCursor.person for an id known to differ from the previous row's: -1 not in the cohort, -2 blank (not remembered). */
export function person(s: usize, e: usize): i32 {
  const n = <i32>(e - s);
  const prev = lastPerson;
  const guess = prev >= 0 ? i32At(successor, prev) : -1;
  const p = guess >= 0 && isPerson(guess, s, e) ? guess : after(prev, s, e);
  if (prev >= 0) store<i32>(successor + (<usize>prev << 2), p);
  if (p < 0) {
    let blank = true;
    for (let k = s; k < e; k++) if (byte(k) != SPACE && byte(k) != TAB) { blank = false; break; }
    if (blank) return -2;
  }
  if (n <= LAST_ID_BYTES) {
    memory.copy(lastId, s, <usize>n);
    lastIdLength = n;
    lastPerson = p;
  }
  return p;
}
