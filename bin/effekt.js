#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bin/ (built by `npm ci` via the prepare script).
import { run } from '../dist/bin/main.js';

process.exitCode = await run(process.argv.slice(2));
