/**
 * The shared chart theme: one font (Liberation Sans, metric-compatible with Arial, so
 * textWidth.ts measures it exactly), print-sized type, muted colours that survive greyscale
 * printing, and the number locale of the note's language.
 */
import type { Lang } from '../messages/index.js';

export const FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';

export const COLORS = {
  participants: '#1f5f8b',
  controls: '#a7b4c2',
  estimate: '#1b2a38',
  interval: '#1f5f8b',
  zero: '#6b7785',
  positive: '#2e7d4f',
  negative: '#b03a2e',
  series: ['#1f5f8b', '#d08a2e', '#5a9e6f', '#8a5a9e'],
} as const;

/** Chart width in CSS px: fits the A4 text column (170 mm ≈ 640 px) with room for the axis. */
export const CHART_WIDTH = 440;

export function chartConfig(lang: Lang): Record<string, unknown> {
  return {
    font: FONT,
    padding: { left: 8, right: 24, top: 8, bottom: 8 },
    background: 'white',
    title: { fontSize: 13, fontWeight: 'bold', anchor: 'start', offset: 10, subtitleFontSize: 11, subtitleColor: '#4a5560', color: '#1b2a38' },
    axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', titleColor: '#1b2a38', labelColor: '#1b2a38', gridColor: '#e3e8ee', domainColor: '#6b7785', tickColor: '#6b7785', titlePadding: 8 },
    axisY: { labelLimit: 220 },
    legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', direction: 'horizontal', symbolType: 'square', labelLimit: 260 },
    view: { stroke: null },
    text: { fontSize: 10, color: '#1b2a38' },
    locale: {
      number:
        lang === 'da'
          ? { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0kr.'], minus: '\u2212' }
          : { decimal: '.', thousands: ',', grouping: [3], currency: ['DKK\u00a0', ''], minus: '\u2212' },
    },
  };
}
