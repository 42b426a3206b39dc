/**
 * Ingest benchmark (issue 4): `effekt run` end-to-end on a cohort of 200,000 controls
 * with a 10.4-million-row weekly benefit panel, against DuckDB reading the same CSV and
 * grouping it by code, measured in the same run (alternating, median of 3 each): the
 * query in this process (the target's reference), and the same query as a child process
 * (start-up included, as effekt run's is), for a like-for-like figure beside it. The
 * panel is generated once by scripts/generate-panel.ts (seeded) into .bench/panel/.
 * Reports rows/s, each child's peak RSS and CPU time (reported by the child itself on
 * exit), the median time of each stage (effekt run --timings) and the ratios; the target
 * is a ratio ≤ 2 and peak RSS < 1 GB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PANEL, generatePanel } from '../scripts/generate-panel.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, '.bench/panel');
const REPEATS = 3;

export async function benchIngest(): Promise<string[]> {
  const lines: string[] = [];
  const spec = join(DIR, 'evaluation.json');
  const panel = join(DIR, 'benefits_weekly.csv');
  const stamp = join(DIR, 'options.json');
  const options = JSON.stringify({ ...DEFAULT_PANEL, dir: DIR });
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== options || !existsSync(panel)) {
    const t0 = performance.now();
    const g = generatePanel({ dir: DIR });
    writeFileSync(stamp, options);
    lines.push(`generated ${g.benefitRows.toLocaleString('en')} panel rows in ${((performance.now() - t0) / 1000).toFixed(1)} s (seed ${DEFAULT_PANEL.seed})`);
  }
  const bytes = statSync(panel).size;
  const rows = DEFAULT_PANEL.persons * DEFAULT_PANEL.weeks;
  lines.push(`panel: ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB; cohort: ${DEFAULT_PANEL.participants.toLocaleString('en')} participants, ${DEFAULT_PANEL.controls.toLocaleString('en')} controls`);

  const duck = await duckDbReference(panel);
  const out = mkdtempSync(join(tmpdir(), 'effekt-bench-'));
  const effekt: Run[] = [];
  const reference: number[] = [];
  const duckProcess: Run[] = [];
  try {
    for (let k = 0; k < REPEATS; k++) {
      reference.push(await duck.time());
      const d = runDuckDbProcess(panel);
      if (d.status !== 0) throw new Error(`DuckDB child failed: ${d.stderr.trim().split('\n')[0] ?? ''}`);
      duckProcess.push(d);
      const r = runCli(spec, out);
      if (r.status !== 0) throw new Error(`effekt run failed (exit ${r.status}): ${r.stderr.trim().split('\n')[0] ?? ''}`);
      effekt.push(r);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const ref = median(reference);
  const describe = (label: string, runs: readonly Run[]): number => {
    const seconds = median(runs.map((r) => r.seconds));
    const rss = Math.max(...runs.map((r) => r.maxRssKb));
    lines.push(
      `${label}: ${seconds.toFixed(2)} s (median of ${runs.length}: ${runs.map((r) => r.seconds.toFixed(2)).join(', ')}), ${(rows / seconds / 1e6).toFixed(1)} M panel rows/s, peak RSS ${(rss / 1024).toFixed(0)} MB ${rss < 1024 * 1024 ? '(< 1 GB: ok)' : '(≥ 1 GB: TOO MUCH)'}`,
    );
    return seconds;
  };
  const whole = describe('effekt run, end to end (node bin/effekt.js run)', effekt);
  lines.push(`  stages (median ms, from --timings): ${stageMedians(effekt)}`);
  lines.push(`DuckDB read_csv + GROUP BY benefit_code, in this process: ${ref.toFixed(2)} s (median of ${REPEATS}: ${reference.map((s) => s.toFixed(2)).join(', ')}), ${(rows / ref / 1e6).toFixed(1)} M rows/s`);
  const refProcess = median(duckProcess.map((r) => r.seconds));
  lines.push(`DuckDB, the same query as a process (node start, loading DuckDB, query, exit; like effekt run): ${refProcess.toFixed(2)} s (median of ${REPEATS}: ${duckProcess.map((r) => r.seconds.toFixed(2)).join(', ')})`);
  const ratio = whole / ref;
  lines.push(`ratio effekt run / DuckDB query: ${ratio.toFixed(2)} ${ratio <= 2 ? '(≤ 2: ok)' : '(> 2: TOO SLOW)'}`);
  const ratioProcess = whole / refProcess;
  lines.push(`ratio process to process, effekt run / DuckDB: ${ratioProcess.toFixed(2)} ${ratioProcess <= 2 ? '(≤ 2)' : '(> 2)'} (the target is judged on the query ratio above)`);
  // The CPU account: work spread over every core can take no less wall time than this.
  const cores = availableParallelism();
  const cpu = median(effekt.map((r) => r.cpuSeconds));
  lines.push(
    `CPU (user + system, all threads, median): effekt run ${cpu.toFixed(2)} s (at best ${(cpu / cores).toFixed(2)} s of wall time on ${cores} cores), DuckDB's query process ${median(duckProcess.map((r) => r.cpuSeconds)).toFixed(2)} s`,
  );
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  lines.push(`machine: ${availableParallelism()} cores, load average ${load} (other processes share the cores; figures vary with load)`);
  return lines;
}

interface Run {
  readonly status: number | null;
  readonly seconds: number;
  readonly maxRssKb: number;
  /** User + system CPU time of the whole process (all threads). */
  readonly cpuSeconds: number;
  readonly stderr: string;
}

/**
 * Preloaded into each child: on exit, its peak resident set size and the CPU time it has used
 * (user + system, microseconds), both for the whole process, worker threads included.
 */
const REPORT_USAGE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('maxrss_kb='+u.maxRSS+' cpu_us='+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

/** Runs `node args` in a child; wall time measured here, peak RSS reported by the child. */
function timedNode(args: readonly string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT_USAGE, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  // Worker threads run the preload too, each reporting the process's figures so far: take the largest.
  const reports = [...r.stderr.matchAll(/maxrss_kb=(\d+) cpu_us=(\d+)/g)];
  const largest = (k: 1 | 2): number => (reports.length ? Math.max(...reports.map((m) => Number(m[k]))) : NaN);
  return { status: r.status, seconds, maxRssKb: largest(1), cpuSeconds: largest(2) / 1e6, stderr: r.stderr };
}

function runCli(spec: string, out: string): Run {
  return timedNode([join(ROOT, 'bin/effekt.js'), 'run', spec, '--out', out, '--timings']);
}

/** Median time of each stage over the runs, from the `effekt: timing: <stage> <ms> ms` lines. */
function stageMedians(runs: readonly Run[]): string {
  const byStage = new Map<string, number[]>();
  for (const r of runs) for (const m of r.stderr.matchAll(/^effekt: timing: (.+) (\d+) ms$/gm)) byStage.set(m[1]!, [...(byStage.get(m[1]!) ?? []), Number(m[2])]);
  return [...byStage].map(([stage, ms]) => `${stage} ${median(ms).toFixed(0)}`).join(', ');
}

/** The reference query in a child process, timed from outside like effekt run. */
function runDuckDbProcess(csv: string): Run {
  const script = `
    import { DuckDBInstance } from '@duckdb/node-api';
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(${JSON.stringify(`SELECT benefit_code, count(*) AS n FROM read_csv('${csv.replaceAll("'", "''")}', header = true) GROUP BY ALL`)});
    if (reader.getRows().length === 0) throw new Error('DuckDB returned no groups');
    connection.closeSync();
    instance.closeSync();
  `;
  return timedNode(['--input-type=module', '-e', script]);
}

async function duckDbReference(csv: string): Promise<{ time: () => Promise<number> }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  return {
    async time() {
      // A fresh in-memory database each time: no cached state between runs.
      const t0 = performance.now();
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(`SELECT benefit_code, count(*) AS n FROM read_csv('${csv.replaceAll("'", "''")}', header = true) GROUP BY ALL`);
      if (reader.getRows().length === 0) throw new Error('DuckDB returned no groups');
      const seconds = (performance.now() - t0) / 1000;
      connection.closeSync();
      instance.closeSync();
      return seconds;
    },
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
