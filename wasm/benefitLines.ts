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

// The last line the loop below read in full, kept as a template for the next: a panel
// sorted by person repeats a line but for the week's last two digits (P000001,2022-W01,621 /
// P000001,2022-W02,621), and such a line is then read by comparing it with the template, eight
// bytes at a time, instead of finding and parsing its fields. Everything else the loop knows
// of the template holds for it too: the same id (so the same person, as the loop would find
// through idField), the same year and week spelling, the same code (so the same class).
// tmplLength 0: no template (at the start of each call, as the buffer may hold other bytes).
let tmplStart: usize = 0;
let tmplLength: i32 = 0;
/** Offset of the week's last two digits in the line; the year's row of the week table (yi·54); the line's person and class. */
let tmplDigits: i32 = 0;
let tmplYearRow: i32 = 0;
let tmplPerson: i32 = 0;
let tmplClass: i32 = 0;
/** Bytes of the line to compare, per eight-byte word: all of the line's but the two week digits. */
let tmplMask0: u64 = 0;
let tmplMask1: u64 = 0;
let tmplMask2: u64 = 0;
let tmplMask3: u64 = 0;
const TEMPLATE_BYTES: i32 = 32;

/** The compare mask of word j (bytes 8j..8j+7) of a line of `length` bytes whose week digits are at d, d+1. */
function wordMask(j: i32, length: i32, d: i32): u64 {
  const from = j << 3;
  const n = min(max(length - from, 0), 8);
  let m: u64 = n == 8 ? ~(<u64>0) : (<u64>1 << (<u64>n << 3)) - 1;
  for (let k = d; k <= d + 1; k++) if (k >= from && k < from + 8) m &= ~((<u64>0xff) << (<u64>(k - from) << 3));
  return m;
}

// The masks' line length and digit offset: a file's lines mostly share both, so the masks
// are worked out again only when they change (a panel sorted by week sets a template on
// every line, and never finds a line like it).
let maskLength: i32 = -1;
let maskDigits: i32 = -1;

@inline function setTemplate(start: usize, length: i32, digits: i32, yearRow: i32, p: i32, cls: i32): void {
  if (length > TEMPLATE_BYTES) {
    tmplLength = 0;
    return;
  }
  tmplStart = start;
  tmplLength = length;
  tmplDigits = digits;
  tmplYearRow = yearRow;
  tmplPerson = p;
  tmplClass = cls;
  if (length != maskLength || digits != maskDigits) setMasks(length, digits);
}

function setMasks(length: i32, digits: i32): void {
  maskLength = length;
  maskDigits = digits;
  tmplMask0 = wordMask(0, length, digits);
  tmplMask1 = wordMask(1, length, digits);
  tmplMask2 = wordMask(2, length, digits);
  tmplMask3 = wordMask(3, length, digits);
}

/** Whether the line at pos is the template's but for the week digits (TEMPLATE_BYTES readable at pos). */
@inline function likeTemplate(pos: usize): bool {
  const t = tmplStart;
  return ((load<u64>(pos) ^ load<u64>(t)) & tmplMask0) == 0
    && ((load<u64>(pos + 8) ^ load<u64>(t + 8)) & tmplMask1) == 0
    && ((load<u64>(pos + 16) ^ load<u64>(t + 16)) & tmplMask2) == 0
    && ((load<u64>(pos + 24) ^ load<u64>(t + 24)) & tmplMask3) == 0;
}

/** BenefitKernel.place, for a week that is not blank and a known code: the line's row is counted as used or excluded. */
@inline function place(week: i32, p: i32, cls: i32): void {
  if (p < 0) {
    notInCohort++;
    return;
  }
  const rel = week - i32At(firstWeek, p);
  if (rel < 0 || rel >= i32At(weekCount, p)) {
    outside++;
    return;
  }
  const slot = i32At(base, p) + rel;
  const at = classes + <usize>slot;
  if (load<i8>(at) != -1) {
    duplicate++;
    return;
  }
  store<i8>(at, <i8>cls);
  if (slot < lowSlot) lowSlot = slot;
  if (slot > highSlot) highSlot = slot;
  used++;
}

/** The week's bookkeeping every read row does: the span of weeks seen, and which weeks have rows. */
@inline function seen(week: i32): void {
  if (week < minWeek) minWeek = week;
  if (week > maxWeek) maxWeek = week;
  store<u8>(weeksSeen + <usize>(week - weekBase), 1);
}

/**
 * BenefitKernel.lines over buf[pos, limit) (no quote characters in it): reads lines until
 * one it leaves to JavaScript, or one not complete before `limit`, and returns where that
 * line starts; `line` tells how many it read.
 */
export function lines(pos: usize, limit: usize, delim: u32): usize {
  line = 0;
  tmplLength = 0;
  for (;;) {
    // A line like the last one but for its week: compared, not parsed. (It ends where the
    // template does: the compare takes in the template's line end and no line end before.)
    if (tmplLength > 0 && pos + <usize>TEMPLATE_BYTES <= limit && likeTemplate(pos)) {
      const w0 = <i32>byte(pos + <usize>tmplDigits) - ZERO;
      const w1 = <i32>byte(pos + <usize>tmplDigits + 1) - ZERO;
      const w = w0 * 10 + w1;
      if (<u32>w0 <= 9 && <u32>w1 <= 9 && w >= 1 && w <= 53) {
        const week = i32At(weekTable, tmplYearRow + w);
        if (week != NO_WEEK) {
          seen(week);
          place(week, tmplPerson, tmplClass);
          line++;
          tmplStart = pos;
          pos += <usize>tmplLength;
          continue;
        }
      }
    }
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
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const week = weekNumber(year, w0 * 10 + w1);
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
    seen(week);
    let p = lastPerson;
    if (!same) {
      p = person(pos, <usize>idEnd);
      if (p == -2) return pos;
    }
    line++;
    // weekNumber read the table at (year − FIRST_YEAR)·54 + week: the template's row.
    setTemplate(pos, <i32>(k + 1 - pos), <i32>(ws0 + wl - 2 - pos), (year - FIRST_YEAR) * 54, p, cls);
    pos = k + 1;
    place(week, p, cls);
  }
  return pos;
}
