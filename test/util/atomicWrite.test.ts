import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWritableDir, writeFileAtomic } from '../../src/util/atomicWrite.js';
import { thrownEffektError } from '../support/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'effekt-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errorOf = thrownEffektError;

describe('writeFileAtomic and ensureWritableDir', () => {
  it('make the missing folders and leave no temporary file', () => {
    const path = join(dir, 'a/b/c/out.txt');
    writeFileAtomic(path, 'x');
    expect(readFileSync(path, 'utf8')).toBe('x');
    expect(readdirSync(join(dir, 'a/b/c'))).toEqual(['out.txt']);
  });

  it('name a path that runs through a file, in one line with exit code 2', () => {
    writeFileSync(join(dir, 'file'), '');
    const e = errorOf(() => writeFileAtomic(join(dir, 'file/sub/out.txt'), 'x'));
    expect(e.exitCode).toBe(2);
    expect(e.line).toBe(`cannot write ${join(dir, 'file/sub')} (a part of the path is a file, not a folder)`);
    expect(errorOf(() => ensureWritableDir(join(dir, 'file'))).line).toBe(`cannot write ${join(dir, 'file')} (a part of the path is a file, not a folder)`);
  });

  it('name a target that is a folder, and leave no temporary file', () => {
    const path = join(dir, 'taken');
    ensureWritableDir(join(path, 'inner'));
    expect(errorOf(() => writeFileAtomic(path, 'x')).line).toBe(`cannot write ${path} (it is a folder)`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(existsSync('/proc/self'))('return at once where the file system will not make a folder (Node’s recursive mkdir never returns on /proc)', () => {
    expect(errorOf(() => ensureWritableDir('/proc/effekt-no/such')).line).toBe('cannot write /proc/effekt-no/such (the folder cannot be made there)');
  });
});
