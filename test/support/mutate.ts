/**
 * Seeded mutations of CSV (or JSON) bytes for the fuzz tests: flipped and inserted bytes,
 * cut and duplicated lines, a BOM, other delimiters and CRLF, odd tokens in a field, and
 * quotes around a stretch (closed or not).
 */
import type { Random } from '../../src/util/random.js';

const TOKENS = ['', 'NA', '-1', '0', '2022-W99', '2022W01', '202253', '2021-02-29', '31.12.2022', '1e5', '1,5', '"', '""', 'P1', 'K1', 'X9', '999', '\u00e6\u00f8\u00e5', ' ', '-', '2022-13', '20221', 'x'.repeat(3000)];
const SPECIAL = [44, 59, 9, 34, 10, 13, 0, 0xff, 0xc3, 0xe6, 0x80, 32];

export function mutate(rng: Random, input: Buffer): Buffer {
  let b = input;
  const steps = rng.int(1, 3);
  for (let s = 0; s < steps; s++) {
    const at = b.length ? rng.int(0, b.length - 1) : 0;
    switch (rng.int(0, 9)) {
      case 0: {
        b = Buffer.from(b);
        if (b.length) b[at] = rng.int(0, 255);
        break;
      }
      case 1:
        b = Buffer.concat([b.subarray(0, at), Buffer.from([rng.pick(SPECIAL)]), b.subarray(at)]);
        break;
      case 2:
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + rng.int(1, 40)))]);
        break;
      case 3:
        b = b.subarray(0, at);
        break;
      case 4: {
        const lines = b.toString('latin1').split('\n');
        const k = rng.int(0, lines.length - 1);
        lines.splice(rng.int(0, lines.length), 0, lines[k]!);
        b = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 5: {
        const lines = b.toString('latin1').split('\n');
        const i = rng.int(0, lines.length - 1);
        const j = rng.int(0, lines.length - 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        b = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 6:
        b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
        break;
      case 7: {
        // Replace one field by a token.
        const text = b.toString('latin1');
        const fields = text.split(/([,\n])/);
        const k = rng.int(0, fields.length - 1);
        if (fields[k] !== ',' && fields[k] !== '\n') fields[k] = rng.pick(TOKENS);
        b = Buffer.from(fields.join(''), 'latin1');
        break;
      }
      case 8:
        b = Buffer.from(b.toString('latin1').replaceAll('\n', '\r\n').replaceAll(',', rng.chance(0.5) ? ';' : '\t'), 'latin1');
        break;
      default: {
        // Quote a random stretch.
        const end = Math.min(b.length, at + rng.int(0, 20));
        b = Buffer.concat([b.subarray(0, at), Buffer.from('"'), b.subarray(at, end), Buffer.from(rng.chance(0.7) ? '"' : ''), b.subarray(end)]);
      }
    }
  }
  return b;
}

