// The CLI as one CommonJS file (plus its two worker entries and the launcher's hashAhead, CommonJS as well) in dist/bin/, and
// V8's code cache for it. Runs after tsc in `npm run build`; the library (dist/index.js)
// stays unbundled. Plain JavaScript so the build needs no TypeScript loader.
//
// Why a bundle: `effekt run` otherwise spends ~0.2 s resolving, reading and compiling some
// 600 modules before it reads a byte. Why CommonJS: a script, unlike an ES module, can be
// compiled from a code cache on Node 20 (bin/loadCli.js), which saves parsing the bundle and
// compiling each function at its first call, another ≈ 80 ms of each run. The cache is made
// here, after one run of the bundled example, so it holds every function that run compiled.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: a smaller file parses faster, while function and variable
  // names survive for the stack trace of a bug report.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

// vega-canvas's Node build imports the optional `canvas` package with a top-level await,
// which a CommonJS file cannot hold. effekt never draws on a canvas (charts are SVG, text is
// measured by report/charts/textWidth.ts), so it gets vega-canvas's answer when `canvas` is
// not installed: no canvas, no image.
const noCanvas = {
  name: 'no-canvas',
  setup(b) {
    b.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: 'vega-canvas', namespace: 'no-canvas' }));
    b.onLoad({ filter: /.*/, namespace: 'no-canvas' }, () => ({ contents: 'export const canvas = () => null; export const image = () => null;', loader: 'js' }));
  },
};

// Every bundle is CommonJS, with import.meta.url (worker entries are found beside the
// bundle) as the bundle's own URL.
const commonJs = {
  ...common,
  format: 'cjs',
  banner: { js: "const __effektModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__effektModuleUrl' },
};

rmSync(join(root, 'dist/bin'), { recursive: true, force: true });
await build({ ...commonJs, entryPoints: ['dist/cli/main.js'], outfile: 'dist/bin/main.cjs', plugins: [noCanvas] });
// The worker threads' entries: CommonJS too (dist/bin/package.json says so for their .js
// names, which the bundles above refer to). A worker starts on a CommonJS entry in about 25
// ms of CPU against 32-35 ms on an ES module, whose loader it would set up first.
await build({ ...commonJs, entryPoints: ['dist/ingest/panelWorker.js', 'dist/pipeline/hashWorker.js'], outdir: 'dist/bin', entryNames: '[name]' });
writeFileSync(join(root, 'dist/bin/package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');

// hashAhead, which the launcher loads before the CLI: CommonJS too, which Node loads faster
// than an ES module (1 against 4 ms).
await build({ ...commonJs, entryPoints: ['dist/pipeline/hashAhead.js'], outfile: 'dist/bin/ahead.cjs' });

// The code cache: compile the bundle as bin/effekt.js does, run the example, keep what V8 compiled.
const { loadCli, CODE_CACHE } = await import('../bin/loadCli.js');
const { run, script } = loadCli({ useCache: false });
const out = mkdtempSync(join(tmpdir(), 'effekt-cache-'));
let said = '';
const io = { stdout: (t) => (said += t), stderr: (t) => (said += t), stderrIsTTY: false, cwd: root, env: {}, now: () => 0 };
try {
  const code = await run(['run', 'data/example/evaluation.json', '--out', out], io);
  if (code !== 0) throw new Error(`the example run for the code cache failed (exit ${code}):\n${said}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
writeFileSync(CODE_CACHE, script.createCachedData());
