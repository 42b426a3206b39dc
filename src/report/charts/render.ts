/**
 * Vega-Lite spec → Vega → SVG string, headless. Compile warnings are collected (the tests
 * fail on any); text is measured with Helvetica metrics (textWidth.ts) and SVG definition
 * ids are reset before each render, so the same spec always gives the same bytes.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { textWidth } from './textWidth.js';

export interface RenderedChart {
  readonly name: string;
  readonly spec: TopLevelSpec;
  readonly svg: string;
  readonly warnings: readonly string[];
}

interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
}

interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
const resetIds = (vega as unknown as { resetSVGDefIds: () => void }).resetSVGDefIds;

function measure(item: TextItem, text: unknown): number {
  const size = item.fontSize ?? 11;
  const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
  const lines = Array.isArray(text) ? text.map(String) : [text === null || text === undefined ? '' : String(text)];
  return Math.max(0, ...lines.map((l) => textWidth(l, size, bold)));
}

/** Compile with a logger that records every warning instead of printing it. */
export function compileSpec(spec: TopLevelSpec): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level(): number {
      return 2; // warn
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
    error(...args: readonly unknown[]): never {
      throw new Error(`vega-lite: ${args.map(String).join(' ')}`);
    },
  };
  const out = vl.compile(spec, { logger: logger as unknown as NonNullable<Parameters<typeof vl.compile>[1]>['logger'] });
  return { vega: out.spec, warnings };
}

export async function renderChart(name: string, spec: TopLevelSpec): Promise<RenderedChart> {
  const { vega: vgSpec, warnings } = compileSpec(spec);
  const previous = metrics.width;
  metrics.width = measure;
  try {
    resetIds();
    const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.Warn });
    const svg = await view.toSVG();
    view.finalize();
    return { name, spec, svg, warnings };
  } finally {
    metrics.width = previous;
  }
}

/**
 * Make an SVG safe to inline beside others: prefix its element ids (clip paths, gradients)
 * and the references to them with the chart's name, and let it scale to the page width.
 */
export function inlineSvg(name: string, svg: string): string {
  const prefix = `${name.replace(/[^A-Za-z0-9_-]/g, '_')}-`;
  return svg
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}${id}"`)
    .replace(/^<svg /, '<svg preserveAspectRatio="xMinYMin meet" ');
}
