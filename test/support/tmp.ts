/**
 * vitest's global setup: the whole run's temporary files under one directory, removed when
 * the run ends. Many tests write inputs and reports to fresh directories under the system's
 * temporary directory; without this they stayed behind, some 2,000 a run. TMPDIR is set
 * before the test processes start, and os.tmpdir() reads it on each call, so the tests and
 * the CLI runs they start write here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'effekt-test-'));
  process.env['TMPDIR'] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
