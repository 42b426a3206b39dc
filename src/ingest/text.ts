/**
 * Decoding of the fields a reader keeps. Windows-1252 only matters in text fields, so
 * the scanner never decodes whole chunks; a field is decoded when it is asked for.
 */
import type { Dialect } from './dialect.js';
import type { RecordView } from './scan.js';

const cp1252 = new TextDecoder('windows-1252');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeField(v: RecordView, i: number): string {
  const text = decodeBytes(v.buf, v.starts[i]!, v.ends[i]!, v.dialect, (d) => {
    v.encodingSwitchLine ??= v.line;
    return d;
  });
  return (v.quoted[i] === 2 ? text.replaceAll('""', '"') : text).trim();
}

/**
 * buf[s, e) as a string in the dialect's encoding. Under `auto` with only ASCII seen so
 * far, the first non-ASCII bytes settle the encoding: UTF-8 if they are valid UTF-8,
 * else Windows-1252 from then on (`onSwitch` is told).
 */
export function decodeBytes(buf: Buffer, s: number, e: number, d: Dialect, onSwitch?: (d: Dialect) => void): string {
  let ascii = true;
  for (let k = s; k < e; k++) {
    if (buf[k]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return buf.toString('latin1', s, e);
  if (d.encoding === 'utf-8' && !d.encodingDecided) {
    try {
      strictUtf8.decode(buf.subarray(s, e));
    } catch {
      d.encoding = 'windows-1252';
      onSwitch?.(d);
    }
    d.encodingDecided = true;
  }
  return d.encoding === 'utf-8' ? buf.toString('utf8', s, e) : d.encoding === 'latin1' ? buf.toString('latin1', s, e) : cp1252.decode(buf.subarray(s, e));
}

/** Characters 0x80–0x9F of Windows-1252 (the rest of 0x00–0xFF equals Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The bytes of `text` in `encoding`, or null when a character cannot be written in it. */
export function encodeText(text: string, encoding: 'utf-8' | 'windows-1252' | 'latin1'): Buffer | null {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(text.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff) || (encoding === 'latin1' && c <= 0xff)) {
      out[k] = c;
      continue;
    }
    if (encoding === 'latin1') return null;
    const at = CP1252_HIGH.indexOf(text[k]!);
    if (at < 0) return null;
    out[k] = 0x80 + at;
  }
  return out;
}
