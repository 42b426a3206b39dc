/**
 * CSV dialect detection from the first bytes of a file. Each setting can be fixed in the
 * spec (`inputs.X.csv`); `auto` means: BOM → UTF-8; otherwise UTF-8 if every non-ASCII
 * byte in the sample forms valid UTF-8, else Windows-1252; delimiter = the most frequent
 * of `,` `;` tab in the header line outside quotes. Decimal marks and date formats are
 * recognised per value (they are unambiguous), unless the spec fixes one.
 */
import { isAscii } from 'node:buffer';
import type { CsvOptions } from '../spec/schema.js';

export type Encoding = 'utf-8' | 'windows-1252' | 'latin1';
export type DateFormat = 'yyyy-mm-dd' | 'dd-mm-yyyy' | 'dd.mm.yyyy';

export interface Dialect {
  delimiter: number;
  encoding: Encoding;
  /** false while only ASCII has been seen under `auto` (UTF-8 assumed until a field proves otherwise). */
  encodingDecided: boolean;
  /** Length of the byte-order mark at the start of the file (0 or 3). */
  bomLength: number;
  decimal: '.' | ',' | 'auto';
  dateFormat: DateFormat | 'auto';
}

const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;
const QUOTE = 34;
const LF = 10;

/** Excel's "Unicode Text" export is UTF-16 with a byte-order mark: recognised, so the message can say what to do. */
export function isUtf16(sample: Buffer): boolean {
  return sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff));
}

export const UTF16_MESSAGE = 'the file is UTF-16 (Excel\'s "Unicode Text"); save it as "CSV UTF-8" or "CSV (semicolon delimited)" instead';

export function detectDialect(sample: Buffer, csv: Partial<CsvOptions>): Dialect {
  const bomLength = sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  let encoding: Encoding = 'utf-8';
  let encodingDecided = true;
  const wanted = csv.encoding ?? 'auto';
  if (wanted === 'auto') {
    if (bomLength === 0) {
      const verdict = sniffUtf8(sample);
      encoding = verdict === 'invalid' ? 'windows-1252' : 'utf-8';
      encodingDecided = verdict !== 'ascii';
    }
  } else {
    encoding = wanted;
  }
  const delimiterOption = csv.delimiter ?? 'auto';
  const delimiter = delimiterOption === 'auto' ? sniffDelimiter(sample, bomLength) : delimiterOption.charCodeAt(0);
  return { delimiter, encoding, encodingDecided, bomLength, decimal: csv.decimal ?? 'auto', dateFormat: csv.date_format ?? 'auto' };
}

/** 'ascii' if no byte ≥ 0x80, 'valid' if the non-ASCII bytes are well-formed UTF-8 (a sequence cut by the sample's end counts as valid), else 'invalid'. */
export function sniffUtf8(sample: Buffer): 'ascii' | 'valid' | 'invalid' {
  // The usual answer natively (a JavaScript loop over the first 4 MB costs ~10 ms cold).
  if (isAscii(sample)) return 'ascii';
  let i = 0;
  let sawHigh = false;
  const n = sample.length;
  while (i < n) {
    const b = sample[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    sawHigh = true;
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return 'invalid';
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return 'valid';
      const c = sample[i + k]!;
      if ((c & 0xc0) !== 0x80) return 'invalid';
    }
    i += need + 1;
  }
  return sawHigh ? 'valid' : 'ascii';
}

function sniffDelimiter(sample: Buffer, start: number): number {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let inQuotes = false;
  for (let i = start; i < sample.length; i++) {
    const b = sample[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (b === LF) break;
    else if (b === COMMA) commas++;
    else if (b === SEMICOLON) semicolons++;
    else if (b === TAB) tabs++;
  }
  if (semicolons > commas && semicolons >= tabs) return SEMICOLON;
  if (tabs > commas && tabs > semicolons) return TAB;
  return COMMA;
}

export function describeDelimiter(d: number): string {
  return d === TAB ? 'tab' : String.fromCharCode(d);
}
