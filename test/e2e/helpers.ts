import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli/main.js';
import { memoryIO } from '../../src/cli/io.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXAMPLE = join(ROOT, 'data/example');

/** Run the CLI in-process; returns exit code and captured streams. */
export async function cli(args: readonly string[], cwd: string = ROOT): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO(cwd);
  const code = await run(args, io);
  return { code, out: io.out, err: io.err };
}

/** A private copy of the example cohort (and the codebook/config it points to) to mutate. */
export function copyExample(): { dir: string; spec: string } {
  const root = mkdtempSync(join(tmpdir(), 'effekt-e2e-'));
  cpSync(join(ROOT, 'data/example'), join(root, 'example'), { recursive: true });
  cpSync(join(ROOT, 'data/codebooks'), join(root, 'codebooks'), { recursive: true });
  cpSync(join(ROOT, 'data/config'), join(root, 'config'), { recursive: true });
  return { dir: join(root, 'example'), spec: join(root, 'example/evaluation.json') };
}

export function editFile(path: string, edit: (text: string) => string): void {
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}
