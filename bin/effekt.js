#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bin/ (built by `npm ci` via the prepare script)
// and loaded with V8's code cache (see loadCli.js).
import { loadCli } from './loadCli.js';

process.exitCode = await loadCli().run(process.argv.slice(2));
