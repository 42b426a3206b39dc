/**
 * Decoding of the fields a reader keeps. Windows-1252 only matters in text fields, so
 * the scanner never decodes whole chunks; a field is decoded when it is asked for.
 */
import type { RecordView } from './scan.js';

const cp1252 = new TextDecoder('windows-1252');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeField(v: RecordView, i: number): string {
  const buf = v.buf;
  const s = v.starts[i]!;
  const e = v.ends[i]!;
  let ascii = true;
  for (let k = s; k < e; k++) {
    if (buf[k]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  let text: string;
  if (ascii) {
    text = buf.toString('latin1', s, e);
  } else {
    const d = v.dialect;
    if (d.encoding === 'utf-8' && !d.encodingDecided) {
      // `auto` saw only ASCII in its sample: the first non-ASCII field settles the encoding.
      try {
        strictUtf8.decode(buf.subarray(s, e));
      } catch {
        d.encoding = 'windows-1252';
        v.encodingSwitchLine = v.line;
      }
      d.encodingDecided = true;
    }
    text =
      d.encoding === 'utf-8' ? buf.toString('utf8', s, e) : d.encoding === 'latin1' ? buf.toString('latin1', s, e) : cp1252.decode(buf.subarray(s, e));
  }
  if (v.quoted[i] === 2) text = text.replaceAll('""', '"');
  return text.trim();
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
