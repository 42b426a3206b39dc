// The CLI as one ES module (plus its two worker entries) in dist/bin/: `effekt run` on a
// large extract otherwise spends ~0.2 s resolving, reading and compiling some 600 modules
// before it reads a byte. Runs after tsc in `npm run build`; the library (dist/index.js)
// stays unbundled. Plain JavaScript so the build needs no TypeScript loader.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/bin', { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js', 'dist/ingest/panelWorker.js', 'dist/pipeline/hashWorker.js'],
  outdir: 'dist/bin',
  entryNames: '[name]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Some dependencies are CommonJS and call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __effektRequire } from 'node:module'; const require = __effektRequire(import.meta.url);" },
  // Optional native modules, loaded only when present (canvas: vega's raster output; resvg: PNG).
  external: ['canvas', '@resvg/resvg-js'],
  // Whitespace and syntax only: a smaller file parses faster (~10 ms of each run's start),
  // while function and variable names survive for the stack trace of a bug report.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
