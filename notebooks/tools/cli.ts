/**
 * `npm run notebooks` (open them in Jupyter with Deno's TypeScript kernel) and
 * `npm run notebooks:html` (execute them headlessly and write HTML to reports/notebooks/).
 * Both scripts build the package first: the notebooks import it as `effekt` (dist/).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { executeNotebooks, findPrerequisites, jupyterEnv, NOTEBOOK_DIR, notebookPaths, REPO } from './jupyter.js';

async function main(argv: readonly string[]): Promise<number> {
  const [command = 'open', ...rest] = argv;
  const prereq = findPrerequisites();
  if (command === 'html') {
    if (prereq.missing.length) return fail(`missing ${prereq.missing.join('; ')}`);
    const outDir = rest[0] ?? join(REPO, 'reports', 'notebooks');
    const run = await executeNotebooks(notebookPaths(), { outDir, html: true });
    if (!run.ok) process.stderr.write(run.log);
    for (const out of run.outputs) process.stdout.write(`${relative(process.cwd(), out.replace(/\.ipynb$/, '.html'))}\n`);
    process.stdout.write(`executed in ${run.seconds.toFixed(1)} s${run.ok ? '' : ' (a cell failed: see above)'}\n`);
    return run.ok ? 0 : 1;
  }
  if (command === 'open') {
    if (!prereq.deno) return fail(`missing ${prereq.missing.join('; ')}`);
    if (!prereq.jupyter || spawnSync(prereq.jupyter, ['notebook', '--version'], { stdio: 'ignore' }).status !== 0) {
      return fail('`jupyter notebook` is not installed (Debian: apt-get install jupyter-notebook; or use JupyterLab with JUPYTER_PATH=notebooks/jupyter)');
    }
    // Our kernelspec first, the user's own Jupyter settings and state otherwise untouched.
    const scratch = mkdtempSync(join(tmpdir(), 'effekt-jupyter-'));
    const env = jupyterEnv(scratch);
    delete env.JUPYTER_DATA_DIR;
    delete env.JUPYTER_RUNTIME_DIR;
    delete env.JUPYTER_CONFIG_DIR;
    delete env.NO_COLOR;
    env.JUPYTER_PATH = [join(NOTEBOOK_DIR, 'jupyter'), process.env.JUPYTER_PATH].filter(Boolean).join(delimiter);
    const args = ['notebook', `--notebook-dir=${NOTEBOOK_DIR}`, ...(process.getuid?.() === 0 ? ['--allow-root'] : []), ...rest];
    const child = spawn(prereq.jupyter, args, { env, stdio: 'inherit' });
    return new Promise((resolve) => {
      child.on('close', (code) => {
        rmSync(scratch, { recursive: true, force: true });
        resolve(code ?? 1);
      });
    });
  }
  return fail(`unknown command "${command}" (open | html [DIR])`);
}

function fail(message: string): number {
  process.stderr.write(`notebooks: ${message}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
