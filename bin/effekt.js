#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bin/ (built by `npm ci` via the prepare script)
// and loaded with V8's code cache (see loadCli.js). Before loading it, `effekt run` starts
// hashing the spec's input files on a worker thread, while this thread loads the CLI and
// reads the cohort (src/pipeline/hashAhead.ts). CommonJS (bin/package.json): Node starts a
// CommonJS entry a few ms sooner than an ES module.
'use strict';
const { existsSync } = require('node:fs');
const { hashAhead, loadCli, BUNDLE } = require('./loadCli.js');

if (existsSync(BUNDLE)) {
  const argv = process.argv.slice(2);
  const hashing = hashAhead(argv);
  const { run, processIO } = loadCli();
  // Until the run settles: should the event loop empty first (a bug), Node exits with the
  // code an ES module's unsettled top-level await gives, not with 0.
  process.exitCode = 13;
  run(argv, hashing ? { ...processIO(), hashAhead: hashing } : processIO()).then((code) => {
    process.exitCode = code;
    // Done: exit once stdout and stderr have handed on what was written to them, rather than
    // wait for Node to wind the event loop down (~5 ms of each run, mostly idle worker threads
    // and handles; effekt run on the bench panel: 15-21 -> 13-17 ms from its last line to exit).
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
} else {
  // A checkout used before `npm ci` (or `npm run build`) has made dist/: say so, in one line.
  process.stderr.write('effekt: the CLI is not built yet (dist/bin/main.cjs is missing); run `npm ci` or `npm run build` first\n');
  process.exitCode = 2;
}
