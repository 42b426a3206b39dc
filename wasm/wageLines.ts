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

/** plainNumber: digits, perhaps a decimal mark and more digits, at most 15 in all; -1 otherwise. */
function plainNumber(s: usize, e: usize, markA: u32, markB: u32): f64 {
  let value: f64 = 0;
  let digits: i32 = 0;
  let k = s;
  for (; k < e; k++) {
    const d = <i32>byte(k) - ZERO;
    if (<u32>d > 9) break;
    value = value * 10 + <f64>d;
    digits++;
  }
  if (digits == 0 || digits > PLAIN_DIGITS) return -1;
  if (k == e) return value;
  const mark = byte(k);
  if (mark != markA && mark != markB) return -1;
  const first = ++k;
  for (; k < e; k++) {
    const d = <i32>byte(k) - ZERO;
    if (<u32>d > 9) return -1;
    value = value * 10 + <f64>d;
  }
  const decimals = <i32>(e - first);
  if (decimals == 0 || digits + decimals > PLAIN_DIGITS) return -1;
  // 10^decimals, exact (decimals ≤ 14): one correctly rounded division, as in JavaScript.
  let power: f64 = 1;
  for (let j = 0; j < decimals; j++) power *= 10;
  return value / power;
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
    const hs = k + 1;
    k = hs;
    while (k < limit && byte(k) != delim && byte(k) != LF) k++;
    if (k >= limit || byte(k) != delim) return pos;
    const h = plainNumber(hs, k, markA, markB);
    if (h < 0) return pos;
    const is = k + 1;
    k = is;
    while (k < limit && byte(k) != delim && byte(k) != LF) k++;
    if (k >= limit || byte(k) != LF) return pos;
    const w = plainNumber(is, k > is && byte(k - 1) == CR ? k - 1 : k, markA, markB);
    if (w < 0) return pos;
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
