import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EffektError } from '../errors.js';

/**
 * Write a file atomically: into a temporary file beside the target, then rename.
 * A reader (or a crashed run) never sees half a report. The temp name is fixed per
 * process so a rerun does not accumulate junk; rename within a folder is atomic on POSIX.
 * A file system error (a folder that cannot be made, no permission, a full disk) is a
 * one-line EffektError naming the file, not a stack trace.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  makeDirs(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeError(path, e);
  }
}

/**
 * Makes the folder (and its parents) unless it exists, and checks that files can be
 * written in it: called before a long run, so a wrong --out fails at once.
 */
export function ensureWritableDir(dir: string): void {
  makeDirs(dir);
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw writeError(dir, e);
  }
}

/**
 * mkdir -p, one level at a time from the deepest folder that exists. Node's own
 * recursive mkdirSync never returns when the file system answers ENOENT for a folder
 * whose parent exists (as /proc does).
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  while (!existsSync(d)) {
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  try {
    if (existsSync(d) && !statSync(d).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    for (const m of missing.reverse()) mkdirSync(m);
  } catch (e) {
    throw writeError(dir, e);
  }
}

const WHY: Readonly<Record<string, string>> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'the folder cannot be made there',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
};

function writeError(path: string, e: unknown): EffektError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new EffektError(`cannot write ${path} (${WHY[code] ?? (code || String(e))})`, { exitCode: 2 });
}
