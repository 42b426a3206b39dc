/**
 * `npm run bench`: every benchmark of the project, each printing its figures and its
 * ratio against a reference measured in the same run (scipy, DuckDB, a plain loop).
 * Run sections selectively with `npm run bench -- stats economics ingest`.
 */
type Bench = () => Promise<string[]>;

const SECTIONS: Record<string, () => Promise<Bench>> = {
  stats: async () => (await import('./stats.js')).benchStats,
  economics: async () => (await import('./economics.js')).benchEconomics,
  ingest: async () => (await import('./ingest.js')).benchIngest,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(SECTIONS);
let failed = false;
for (const name of names) {
  const load = SECTIONS[name];
  if (!load) {
    console.error(`bench: unknown section "${name}" (have: ${Object.keys(SECTIONS).join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  console.log(`\n== ${name} ==`);
  try {
    const bench = await load();
    for (const line of await bench()) console.log(line);
  } catch (e) {
    failed = true;
    console.log(`bench ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
if (failed) process.exitCode = 1;
