// The weekly benefit panel's line-by-line path in WebAssembly (AssemblyScript; compiled by
// scripts/build-wasm.mjs into src/ingest/benefitLines.wasm.generated.ts).
//
// Why WebAssembly: the same loop in JavaScript runs half-optimised for the first several
// megabytes of each thread in a fresh process (V8 climbs its tiers as the loop gets hot);
// WebAssembly is compiled to machine code before the first byte is read. This is a line
// for line port of BenefitKernel.lines and place (src/ingest/benefitKernel.ts), over the
// same arrays (laid out by src/ingest/benefitWasm.ts). It never reports anything: a line
// it cannot read the usual way (another spelling of the week, a code not yet classified,
// an unknown code, a blank id, a line not complete before `limit`) is handed back to the
// JavaScript kernel, which reads that one line and calls back in. The JavaScript kernel
// stays the reference: tests run both on the same panels.
import { byte, CR, i32At, idField, idSame, lastPerson, LF, person, resetCursor, sameBytes } from './persons';
export { ids } from './persons';

const ZERO: i32 = 48;
const SPACE: u32 = 32;
const DASH: u32 = 45;
const W: u32 = 87;
const NO_WEEK: i32 = 0x7fffffff;
const UNSET: i32 = 0x7fff;
/** classify's answer for a code this module does not know: the line goes to JavaScript. */
const BAIL: i32 = -0x40000000;
const FIRST_YEAR: i32 = 1900;
const YEARS: i32 = 300;
const LAST_CODE_BYTES: i32 = 64;

// Where each array lies in memory (byte offsets), set once by `layout`.
let firstWeek: usize = 0;
let weekCount: usize = 0;
let base: usize = 0;
let classes: usize = 0;
let smallCodes: usize = 0;
let weeksSeen: usize = 0;
let weekBase: i32 = 0;
let weekTable: usize = 0;
let lastCode: usize = 0;

// One kernel's state, cleared by `reset`.
let lastCodeLength: i32 = -1;
let lastClass: i32 = 0;
export let used: i32 = 0;
export let notInCohort: i32 = 0;
export let outside: i32 = 0;
export let duplicate: i32 = 0;
export let minWeek: i32 = 0;
export let maxWeek: i32 = 0;
export let lowSlot: i32 = 0;
export let highSlot: i32 = 0;
/** Lines read by the last call of `lines`. */
export let line: i32 = 0;

export function layout(
  firstWeekAt: usize, weekCountAt: usize, baseAt: usize, classesAt: usize, smallCodesAt: usize,
  weeksSeenAt: usize, weekBaseValue: i32, weekTableAt: usize, lastCodeAt: usize,
): void {
  firstWeek = firstWeekAt; weekCount = weekCountAt; base = baseAt; classes = classesAt; smallCodes = smallCodesAt;
  weeksSeen = weeksSeenAt; weekBase = weekBaseValue; weekTable = weekTableAt; lastCode = lastCodeAt;
}

export function reset(minWeekStart: i32, maxWeekStart: i32, lowSlotStart: i32): void {
  resetCursor();
  lastCodeLength = -1; lastClass = 0;
  used = 0; notInCohort = 0; outside = 0; duplicate = 0;
  minWeek = minWeekStart; maxWeek = maxWeekStart; lowSlot = lowSlotStart; highSlot = -1;
}

/** BenefitKernel.classify, for codes of up to 4 digits already classified; BAIL for any other. */
function classify(s: usize, e: usize): i32 {
  const n = <i32>(e - s);
  if (n == lastCodeLength && sameBytes(s, lastCode, n)) return lastClass;
  let a = s;
  let b = e;
  while (a < b && byte(a) == SPACE) a++;
  while (b > a && byte(b - 1) == SPACE) b--;
  const len = <i32>(b - a);
  if (len > 4) return BAIL;
  let value: i32 = 0;
  for (let k = a; k < b; k++) {
    const d = <i32>byte(k) - ZERO;
    if (<u32>d > 9) return BAIL;
    value = value * 10 + d;
  }
  const cls = <i32>load<i16>(smallCodes + (<usize>(value * 8 + len) << 1));
  if (cls == UNSET) return BAIL;
  if (n <= LAST_CODE_BYTES) {
    memory.copy(lastCode, s, <usize>n);
    lastCodeLength = n;
    lastClass = cls;
  }
  return cls;
}

@inline function weekNumber(year: i32, week: i32): i32 {
  const yi = year - FIRST_YEAR;
  if (yi < 0 || yi >= YEARS || week < 1 || week > 53) return NO_WEEK;
  return i32At(weekTable, yi * 54 + week);
}

/**
 * BenefitKernel.lines over buf[pos, limit) (no quote characters in it): reads lines until
 * one it leaves to JavaScript, or one not complete before `limit`, and returns where that
 * line starts; `line` tells how many it read.
 */
export function lines(pos: usize, limit: usize, delim: u32): usize {
  line = 0;
  for (;;) {
    const idEnd = idField(pos, limit, delim);
    if (idEnd <= 0) return pos;
    const same = idSame;
    const ws0 = <usize>idEnd + 1;
    if (ws0 + 8 >= limit) return pos;
    let wl: usize = 0;
    if (byte(ws0 + 6) == delim) wl = 6;
    else if (byte(ws0 + 7) == delim && byte(ws0 + 4) == W) wl = 7;
    else if (byte(ws0 + 8) == delim && byte(ws0 + 4) == DASH && byte(ws0 + 5) == W) wl = 8;
    if (wl == 0) return pos;
    const y0 = <i32>byte(ws0) - ZERO;
    const y1 = <i32>byte(ws0 + 1) - ZERO;
    const y2 = <i32>byte(ws0 + 2) - ZERO;
    const y3 = <i32>byte(ws0 + 3) - ZERO;
    const w0 = <i32>byte(ws0 + wl - 2) - ZERO;
    const w1 = <i32>byte(ws0 + wl - 1) - ZERO;
    if (<u32>y0 > 9 || <u32>y1 > 9 || <u32>y2 > 9 || <u32>y3 > 9 || <u32>w0 > 9 || <u32>w1 > 9) return pos;
    const week = weekNumber(y0 * 1000 + y1 * 100 + y2 * 10 + y3, w0 * 10 + w1);
    if (week == NO_WEEK) return pos;
    const cs = ws0 + wl + 1;
    // The code field's end: where a three-character code or a blank one ends the line (the
    // usual fields) without a loop, whose exit at a field of varying width is a branch the
    // processor mispredicts; else by looking. A field this takes too far (one holding a line
    // end or a delimiter, when the next line or field happens to end three bytes on) holds
    // a byte that is neither a digit nor a space, so classify refuses it and the line goes
    // to JavaScript, as a field the loop had cut there would.
    let k = cs;
    if (cs + 3 < limit && byte(cs + 3) == LF) k = cs + 3;
    else if (cs < limit && byte(cs) == LF) k = cs;
    else while (k < limit && byte(k) != LF && byte(k) != delim) k++;
    if (k >= limit || byte(k) != LF) return pos;
    const e = byte(k - 1) == CR ? k - 1 : k;
    const cls = classify(cs, e);
    if (cls < 0) return pos;
    // BenefitKernel.place, for a week that is not blank and a known code.
    if (week < minWeek) minWeek = week;
    if (week > maxWeek) maxWeek = week;
    store<u8>(weeksSeen + <usize>(week - weekBase), 1);
    let p = lastPerson;
    if (!same) {
      p = person(pos, <usize>idEnd);
      if (p == -2) return pos;
    }
    line++;
    pos = k + 1;
    if (p < 0) {
      notInCohort++;
      continue;
    }
    const rel = week - i32At(firstWeek, p);
    if (rel < 0 || rel >= i32At(weekCount, p)) {
      outside++;
      continue;
    }
    const slot = i32At(base, p) + rel;
    const at = classes + <usize>slot;
    if (load<i8>(at) != -1) {
      duplicate++;
      continue;
    }
    store<i8>(at, <i8>cls);
    if (slot < lowSlot) lowSlot = slot;
    if (slot > highSlot) highSlot = slot;
    used++;
  }
  return pos;
}
