/**
 * Text widths for chart layout without a canvas. Vega's fallback guesses 0.8 em per
 * character, which makes axes far wider than the text. The charts are set in Liberation
 * Sans, which is metric-compatible with Arial/Helvetica, so the Helvetica AFM advance widths
 * (Adobe Core14 metrics, units of 1/1000 em) give the real width in the browser and in
 * print, deterministically. Bold uses Helvetica-Bold where it differs.
 */
const REGULAR: Record<string, number> = {};
const BOLD: Record<string, number> = {};

function fill(table: Record<string, number>, chars: string, widths: readonly number[]): void {
  if ([...chars].length !== widths.length) throw new Error(`textWidth: ${[...chars].length} characters but ${widths.length} widths`);
  [...chars].forEach((c, i) => {
    table[c] = widths[i] as number;
  });
}

// ASCII 32–126.
fill(
  REGULAR,
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~',
  [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667,
    722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
    278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ],
);
fill(REGULAR, 'æøåÆØÅéèüö\u2212\u2013\u2019…', [889, 611, 556, 1000, 778, 667, 556, 556, 556, 556, 584, 556, 222, 1000]);
Object.assign(BOLD, REGULAR);
fill(
  BOLD,
  '!"\'()-:;?@ABJKLabcdefghijklmnopqrstuvwxyzæøåÆØÅ',
  [333, 474, 238, 333, 333, 333, 333, 333, 611, 975, 722, 722, 556, 722, 611, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 889, 611, 556, 1000, 778, 722],
);

export function textWidth(text: string, fontSize: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let w = 0;
  for (const c of text) w += table[c] ?? 556;
  return (w / 1000) * fontSize;
}
