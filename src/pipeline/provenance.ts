import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { inputError } from '../errors.js';
import type { InputProvenance } from './types.js';

/** SHA-256 of a file, streamed so a multi-GB register extract costs no memory. */
export async function fileProvenance(role: string, path: string, display: string): Promise<InputProvenance> {
  if (!existsSync(path)) throw inputError('cannot read file (no such file)', { file: display });
  const hash = createHash('sha256');
  await new Promise<void>((resolvePromise, reject) => {
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise())
      .on('error', reject);
  });
  return { role, path: display, sha256: hash.digest('hex'), bytes: statSync(path).size };
}
