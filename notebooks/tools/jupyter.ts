/**
 * Running the notebooks with Jupyter's own executor (`jupyter nbconvert --execute`,
 * nbclient) and Deno's TypeScript kernel, without touching the user's Jupyter set-up:
 * the kernelspec comes from `notebooks/jupyter/kernels/deno`, Deno from
 * `node_modules/.bin`, and Jupyter's data/runtime/config dirs are private temp dirs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const NOTEBOOK_DIR = join(REPO, 'notebooks');
export const KERNEL_NAME = 'deno';

/** The notebooks, in reading order. */
export function notebookPaths(): string[] {
  return readdirSync(NOTEBOOK_DIR)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((f) => join(NOTEBOOK_DIR, f));
}

export interface Prerequisites {
  /** A Python with Jupyter's nbclient, nbformat and nbconvert (Debian: jupyter-nbconvert). */
  readonly python: string | null;
  /** `jupyter`, for opening the notebooks interactively. */
  readonly jupyter: string | null;
  readonly deno: string | null;
  /** Human-readable list of what is missing, with how to get it. */
  readonly missing: readonly string[];
}

/** Jupyter's executor (Debian: jupyter-nbconvert, jupyter-client) and Deno (npm devDependency). */
export function findPrerequisites(): Prerequisites {
  const missing: string[] = [];
  const jupyter = which('jupyter');
  // The Python that runs `jupyter` is the one with its libraries (a pyenv or venv python3 earlier on PATH may lack them).
  const candidates = [jupyter ? shebangOf(jupyter) : null, which('python3')].filter((p): p is string => p !== null);
  const python = candidates.find((p) => spawnSync(p, ['-c', 'import nbclient, nbformat, nbconvert'], { stdio: 'ignore' }).status === 0) ?? null;
  if (!python) missing.push('Jupyter nbclient/nbconvert (Debian: apt-get install jupyter-nbconvert jupyter-client)');
  const denoPath = join(REPO, 'node_modules', '.bin', 'deno');
  const deno = existsSync(denoPath) && spawnSync(denoPath, ['--version'], { stdio: 'ignore' }).status === 0 ? denoPath : null;
  if (!deno) missing.push('deno (a devDependency: npm ci installs it)');
  return { python, jupyter, deno, missing };
}

function shebangOf(script: string): string | null {
  const first = readFileSync(script, 'utf8').slice(0, 200).split('\n')[0] ?? '';
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!m) return null;
  return m[1]!.endsWith('/env') ? (m[2] ? which(m[2]) : null) : m[1]!;
}

function which(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** The environment for the kernel: our kernelspec and Deno first, Jupyter's state in a private temp dir. */
export function jupyterEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: [join(REPO, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
    JUPYTER_PATH: join(NOTEBOOK_DIR, 'jupyter'),
    JUPYTER_DATA_DIR: join(home, 'data'),
    JUPYTER_RUNTIME_DIR: join(home, 'runtime'),
    JUPYTER_CONFIG_DIR: join(home, 'config'),
    // Deno's colour codes would end up in the saved text outputs.
    NO_COLOR: '1',
  };
}

export interface NotebookOutput {
  readonly output_type: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly text?: string | readonly string[];
  readonly ename?: string;
  readonly evalue?: string;
}

export interface NotebookCell {
  readonly cell_type: 'code' | 'markdown' | 'raw';
  readonly source: string | readonly string[];
  readonly metadata: { readonly tags?: readonly string[] } & Readonly<Record<string, unknown>>;
  readonly outputs?: readonly NotebookOutput[];
  readonly execution_count?: number | null;
}

export interface Notebook {
  readonly cells: readonly NotebookCell[];
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface ExecuteOptions {
  readonly outDir: string;
  /** Also export each executed notebook to HTML (nbconvert). */
  readonly html?: boolean;
  /** Per-cell timeout in seconds. */
  readonly cellTimeout?: number;
}

export interface Executed {
  /** The executed notebooks (`<outDir>/<name>.ipynb`), in the order given. */
  readonly outputs: readonly string[];
  readonly seconds: number;
  readonly log: string;
  /** False when a cell threw (the log names it); the executed notebooks are written anyway. */
  readonly ok: boolean;
}

/**
 * Execute notebooks top to bottom, each in a fresh Deno kernel, with `tools/execute.py`
 * (nbclient, Jupyter's executor, tolerant of Deno's late outputs).
 */
export function executeNotebooks(paths: readonly string[], options: ExecuteOptions): Promise<Executed> {
  const prereq = findPrerequisites();
  if (!prereq.python || !prereq.deno) return Promise.reject(new Error(`cannot run the notebooks: missing ${prereq.missing.join('; ')}`));
  const home = mkdtempSync(join(tmpdir(), 'effekt-jupyter-'));
  const outDir = resolve(options.outDir);
  const args = [
    join(NOTEBOOK_DIR, 'tools', 'execute.py'),
    '--out',
    outDir,
    '--timeout',
    String(options.cellTimeout ?? 120),
    ...(options.html ? ['--html'] : []),
    ...paths.map((p) => resolve(p)),
  ];
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(prereq.python as string, args, { cwd: NOTEBOOK_DIR, env: jupyterEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr.on('data', (b: Buffer) => (log += b.toString()));
    child.on('error', (e) => {
      rmSync(home, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code) => {
      rmSync(home, { recursive: true, force: true });
      const outputs = paths.map((p) => join(outDir, basename(p, '.ipynb') + '.ipynb'));
      const missing = outputs.filter((o) => !existsSync(o));
      if (missing.length) reject(new Error(`notebook execution exited with ${code} and wrote no ${missing.join(', ')}\n${log}`));
      else resolvePromise({ outputs, seconds: (performance.now() - started) / 1000, log, ok: code === 0 });
    });
  });
}

export function readNotebook(path: string): Notebook {
  return JSON.parse(readFileSync(path, 'utf8')) as Notebook;
}

export function sourceOf(cell: NotebookCell): string {
  return typeof cell.source === 'string' ? cell.source : cell.source.join('');
}
