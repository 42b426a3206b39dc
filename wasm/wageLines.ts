// The monthly wage panel's line-by-line path in WebAssembly (AssemblyScript; compiled by
// scripts/build-wasm.mjs into src/ingest/wageLines.wasm.generated.ts): a port of
// WageKernel.lines and take (src/ingest/wageKernel.ts), with parseMonthBytes and
// plainNumber (src/ingest/values.ts), over arrays laid out by src/ingest/wageWasm.ts. As
// in benefitLines.ts, a line it cannot read the usual way (another spelling of a number,
// blanks, a sign, an unreadable month, a blank id) goes back to the JavaScript kernel.
// Hours and income are summed into the same arrays in file order, so the sums are the
// same doubles.
import { byte, CR, i32At, idField, idSame, lastPerson, LF, person, resetCursor } from './persons';
export { ids } from './persons';

const ZERO: i32 = 48;
const SPACE: u32 = 32;
const DASH: u32 = 45;
const NO_MONTH: i32 = 0x7fffffff;
const FIRST_YEAR: i32 = 1900;
const YEARS: i32 = 300;
/** plainNumber's limit: at most 15 digits, so the digits are an exact double. */
const PLAIN_DIGITS: i32 = 15;

let months: usize = 0;
let hours: usize = 0;
let income: usize = 0;
let rowsOf: usize = 0;

export let used: i32 = 0;
export let notInCohort: i32 = 0;
export let outside: i32 = 0;
export let minMonth: i32 = 0;
export let maxMonth: i32 = 0;
export let lowPerson: i32 = 0;
export let highPerson: i32 = 0;
/** Lines read by the last call of `lines`. */
export let line: i32 = 0;

export function layout(monthsAt: usize, hoursAt: usize, incomeAt: usize, rowsOfAt: usize): void {
  months = monthsAt; hours = hoursAt; income = incomeAt; rowsOf = rowsOfAt;
}

export function reset(minMonthStart: i32, maxMonthStart: i32, lowPersonStart: i32): void {
  resetCursor();
  used = 0; notInCohort = 0; outside = 0;
  minMonth = minMonthStart; maxMonth = maxMonthStart; lowPerson = lowPersonStart; highPerson = -1;
}

/** parseMonthBytes for a month that reads: `2022-04` or `202204`; NO_MONTH for anything else (blank included). */
function month(s: usize, e: usize): i32 {
  while (s < e && byte(s) == SPACE) s++;
  while (e > s && byte(e - 1) == SPACE) e--;
  const n = <i32>(e - s);
  if (n != 6 && n != 7) return NO_MONTH;
  let y: i32 = 0;
  for (let k: usize = 0; k < 4; k++) {
    const d = <i32>byte(s + k) - ZERO;
    if (<u32>d > 9) return NO_MONTH;
    y = y * 10 + d;
  }
  let k = s + 4;
  if (n == 7) {
    if (byte(k) != DASH) return NO_MONTH;
    k++;
  }
  const a = <i32>byte(k) - ZERO;
  const b = <i32>byte(k + 1) - ZERO;
  if (<u32>a > 9 || <u32>b > 9) return NO_MONTH;
  const m = a * 10 + b;
  if (m < 1 || m > 12 || y < FIRST_YEAR || y >= FIRST_YEAR + YEARS) return NO_MONTH;
  return y * 12 + (m - 1);
}

// Where the last number `field` read ends (its terminator's position).
let fieldEnd: usize = 0;

/**
 * plainNumber over a field read in the same pass that finds its end: digits, perhaps a
 * decimal mark and more digits (at most 15 digits in all), then the delimiter (for the
 * line's last field LF or CR LF); -1 for anything else, which JavaScript then reads.
 * The same numbers and the same refusals as scanning to the field's end and calling
 * plainNumber there: a field of anything but digits and one mark is refused either way, and
 * the delimiter is tested before the marks, so it ends a field even when it is also one.
 * One loop per field, not a scan and then a parse: the loop's exit at a field of varying
 * width is a branch the processor mispredicts, and there is now one such exit, not two.
 * The digits are gathered in an integer and made a double once: at most 15 digits are below
 * 2^53, so this is the exact value JavaScript's `value * 10 + d` reaches, without a chain of
 * floating-point multiply-adds.
 */
function numberField(s: usize, limit: usize, delim: u32, last: bool, markA: u32, markB: u32): f64 {
  digitsValue = 0;
  let k = digitsFrom(s, limit);
  const digits = <i32>(k - s);
  if (digits == 0 || digits > PLAIN_DIGITS || k >= limit) return -1;
  let c = byte(k);
  let power: f64 = 1;
  if (!ends(k, limit, c, delim, last)) {
    if (c == delim || (c != markA && c != markB)) return -1;
    const first = ++k;
    k = digitsFrom(first, limit);
    const decimals = <i32>(k - first);
    if (decimals == 0 || digits + decimals > PLAIN_DIGITS || k >= limit) return -1;
    c = byte(k);
    if (!ends(k, limit, c, delim, last)) return -1;
    // 10^decimals, exact (decimals ≤ 14): one correctly rounded division, as in JavaScript.
    for (let j = 0; j < decimals; j++) power *= 10;
  }
  fieldEnd = last && c == CR ? k + 1 : k;
  return <f64>digitsValue / power;
}

/** The value numberField's digits have so far (digitsFrom adds to it). */
let digitsValue: i64 = 0;

/** Reads the digits from k on into digitsValue (value · 10 + digit each); returns where they end. */
@inline function digitsFrom(k: usize, limit: usize): usize {
  let value = digitsValue;
  while (k < limit) {
    const d = <i32>byte(k) - ZERO;
    if (<u32>d > 9) break;
    value = value * 10 + <i64>d;
    k++;
  }
  digitsValue = value;
  return k;
}

/** Whether the byte c at k ends the field: the delimiter, or for the line's last field LF or CR LF. */
@inline function ends(k: usize, limit: usize, c: u32, delim: u32, last: bool): bool {
  if (!last) return c == delim;
  return c == LF || (c == CR && k + 1 < limit && byte(k + 1) == LF);
}

/**
 * WageKernel.lines over buf[pos, limit) (no quote characters in it): reads lines until one
 * it leaves to JavaScript, or one not complete before `limit`, and returns where that line
 * starts; `line` tells how many it read. markB is 0xffffffff when the dialect has one mark.
 */
export function lines(pos: usize, limit: usize, delim: u32, markA: u32, markB: u32): usize {
  line = 0;
  for (;;) {
    const idEnd = idField(pos, limit, delim);
    if (idEnd <= 0) return pos;
    const same = idSame;
    const ms = <usize>idEnd + 1;
    let k = ms;
    while (k < limit && byte(k) != delim && byte(k) != LF) k++;
    if (k >= limit || byte(k) != delim) return pos;
    const m = month(ms, k);
    if (m == NO_MONTH) return pos;
    const h = numberField(k + 1, limit, delim, false, markA, markB);
    if (h < 0) return pos;
    const w = numberField(fieldEnd + 1, limit, delim, true, markA, markB);
    if (w < 0) return pos;
    k = fieldEnd;
    // WageKernel.take
    if (m < minMonth) minMonth = m;
    if (m > maxMonth) maxMonth = m;
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
    if (m != i32At(months, p)) {
      outside++;
      continue;
    }
    const at = <usize>p << 3;
    store<f64>(hours + at, load<f64>(hours + at) + h);
    store<f64>(income + at, load<f64>(income + at) + w);
    store<i32>(rowsOf + (<usize>p << 2), i32At(rowsOf, p) + 1);
    if (p < lowPerson) lowPerson = p;
    if (p > highPerson) highPerson = p;
    used++;
  }
  return pos;
}
