// The bundled CLI (dist/bin/main.cjs, one CommonJS file), compiled with V8's code cache
// (dist/bin/main.cache) when there is one that fits. The build writes the cache after one
// run of the bundled example, so it holds the bytecode of every function that run compiled:
// `effekt` then starts without parsing 2.6 MB of JavaScript or compiling each function at
// its first call (≈ 80 ms of each run). V8 checks that the cache matches the source, its own
// version and its flags; a cache that does not fit is ignored, and the code compiled as
// usual. Plain JavaScript, shared by bin/effekt.js and scripts/bundle.mjs, which must
// compile the very same text for the cache to fit. CommonJS (bin/package.json), like the
// launcher: Node starts a CommonJS entry a few ms sooner than an ES module.
'use strict';
const { isAscii } = require('node:buffer');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const dir = join(__dirname, '../dist/bin');
const BUNDLE = join(dir, 'main.cjs');
const CODE_CACHE = join(dir, 'main.cache');
const AHEAD = join(dir, 'ahead.cjs');

/**
 * Starts hashing the input files of `effekt <argv>` on a worker thread, before the CLI is
 * loaded (src/pipeline/hashAhead.ts, bundled on its own); undefined when there is nothing
 * to start, or no such bundle (an older build: the run hashes as usual).
 */
function hashAhead(argv) {
  try {
    return require(AHEAD).hashAhead(argv, process.cwd());
  } catch {
    return undefined;
  }
}

/**
 * Loads the bundle: `run` is the CLI's entry (`processIO` its default IO), `script` the compiled bundle (its
 * `cachedDataRejected` says whether a cache was offered and refused). `useCache: false`
 * compiles without one (the build, making it).
 */
function loadCli({ useCache = true } = {}) {
  // The bundle is ASCII (esbuild escapes other characters): read as Latin-1, that is a copy
  // of its bytes, not UTF-8 decoding (~5 ms of each run on 2.6 MB). Either way the same text.
  const bytes = readFileSync(BUNDLE);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(CODE_CACHE);
    } catch {
      cachedData = undefined; // none built: compile as usual
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
    // The bundle has no import(); should a dependency add one, it resolves as in any module.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dir);
  return { run: module.exports.run, processIO: module.exports.processIO, script };
}

exports.BUNDLE = BUNDLE;
exports.CODE_CACHE = CODE_CACHE;
exports.hashAhead = hashAhead;
exports.loadCli = loadCli;
