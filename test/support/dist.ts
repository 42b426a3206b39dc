import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

function newestIn(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, d) => {
    const p = join(dir, d.name);
    return Math.max(max, d.isDirectory() ? newestIn(p) : statSync(p).mtimeMs);
  }, 0);
}

/** Whether dist/ (the library, the bundled CLI and its code cache) is missing or older than src/, the bundler script or the loader. */
export function distIsStale(): boolean {
  const outputs = [join(REPO, 'dist/index.js'), join(REPO, 'dist/bin/main.cjs'), join(REPO, 'dist/bin/main.cache')];
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const inputs = [join(REPO, 'scripts/bundle.mjs'), join(REPO, 'bin/loadCli.js')];
  return Math.max(newestIn(join(REPO, 'src')), ...inputs.map((p) => statSync(p).mtimeMs)) > built;
}

/**
 * Rebuilds dist/ when stale (`npm ci` builds it; a developer may have edited src/ since).
 * Test files run in parallel processes: a lock directory keeps two builds from
 * overwriting each other's output while a third test reads it.
 */
export function ensureFreshDist(): void {
  const lock = join(REPO, 'node_modules/.effekt-build-lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`waited 120 s for ${lock}; remove it if no build is running`);
      spawnSync('sleep', ['0.2']);
    }
  }
  try {
    if (!distIsStale()) return;
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}${r.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}
