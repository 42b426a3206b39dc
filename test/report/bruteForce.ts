/**
 * An independent "can I recover it?" checker for the suppression tests: it reads only the
 * published record (what a reader of effect.json has), enumerates every assignment of the
 * hidden counts that agrees with everything published, and reports the hidden values that
 * have only one possible value. Deliberately naive enumeration, sharing no code with the
 * engine it checks.
 *
 * Reader's knowledge: a "<T" count lies in 1…T−1, a ".." count in T…group size, shown
 * counts and group sizes are exact, each group's status column sums to its size, each
 * outcome's count is the sum of its categories, subgroup levels sum to the group, and a
 * level's outcome counts sum to the outcome's count.
 */
import type { Count, PublishedEvaluation } from '../../src/report/published.js';

type Side = 'participants' | 'controls';

interface Unknown {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
}

function domainOf(c: Count, threshold: number, size: number): [number, number] {
  if (typeof c === 'number') return [c, c];
  if (c === `<${threshold}`) return [1, threshold - 1];
  if (c === '..') return [threshold, size];
  throw new Error(`unexpected published count ${JSON.stringify(c)}`);
}

/** All assignments of `unknowns` (in order) with the given sum, each within its bounds. */
function* compositions(unknowns: readonly Unknown[], sum: number, i = 0, acc: number[] = []): Generator<number[]> {
  if (i === unknowns.length) {
    if (sum === 0) yield [...acc];
    return;
  }
  const u = unknowns[i] as Unknown;
  const restHi = unknowns.slice(i + 1).reduce((s, x) => s + x.hi, 0);
  const restLo = unknowns.slice(i + 1).reduce((s, x) => s + x.lo, 0);
  for (let v = Math.max(u.lo, sum - restHi); v <= Math.min(u.hi, sum - restLo); v += 1) {
    acc.push(v);
    yield* compositions(unknowns, sum - v, i + 1, acc);
    acc.pop();
  }
}

export interface Recovery {
  /** Hidden cells (by name) whose value the reader can pin, with the value. */
  readonly pinned: Readonly<Record<string, number>>;
  /** How many hidden cells were examined. */
  readonly examined: number;
}

/** The status table of one group, with the outcome sums as side conditions. */
export function recoverStatus(pub: PublishedEvaluation, g: Side, threshold: number): Recovery {
  const first = Object.values(pub.outcomes)[0];
  if (!first) throw new Error('no outcomes');
  const n = first[g].n;
  const unknowns: (Unknown & { cat: string })[] = [];
  let shown = 0;
  for (const r of pub.status_distribution) {
    const [lo, hi] = domainOf(r[g], threshold, n);
    if (lo === hi) shown += lo;
    else unknowns.push({ name: `status.${r.category}.${g}`, lo, hi, cat: r.category });
  }
  const known = new Map(pub.status_distribution.filter((r) => typeof r[g] === 'number').map((r) => [r.category as string, r[g] as number]));
  const seen = new Map<string, Set<number>>(unknowns.map((u) => [u.name, new Set()]));
  for (const values of compositions(unknowns, n - shown)) {
    const value = new Map<string, number>(known);
    unknowns.forEach((u, i) => value.set(u.cat, values[i] as number));
    const ok = Object.values(pub.outcomes).every((o) => {
      const [lo, hi] = domainOf(o[g].events, threshold, n);
      const s = o.categories.reduce((acc, c) => acc + (value.get(c) ?? 0), 0);
      return s >= lo && s <= hi && (lo !== hi || s === lo);
    });
    if (!ok) continue;
    unknowns.forEach((u, i) => seen.get(u.name)?.add(values[i] as number));
  }
  return summarize(seen);
}

/**
 * One subgroup variable in one group: level sizes and per-outcome counts, where the level
 * sizes sum to the group and the levels' counts to the outcome's (shown) count.
 * `truth` supplies the true values so small hidden complements (level size − count) can be checked too.
 */
export function recoverSubgroups(pub: PublishedEvaluation, variable: string, g: Side, threshold: number): Recovery {
  const levels = pub.subgroups.filter((l) => l.variable === variable);
  const first = Object.values(pub.outcomes)[0];
  if (!first) throw new Error('no outcomes');
  const n = first[g].n;
  const sizeUnknowns: (Unknown & { level: string })[] = [];
  let shownSize = 0;
  for (const l of levels) {
    const [lo, hi] = domainOf(l[g], threshold, n);
    if (lo === hi) shownSize += lo;
    else sizeUnknowns.push({ name: `${variable}.${l.level}.${g}.n`, lo, hi, level: l.level });
  }
  const seen = new Map<string, Set<number>>();
  const note = (name: string, v: number) => {
    let s = seen.get(name);
    if (!s) seen.set(name, (s = new Set()));
    s.add(v);
  };
  for (const sizes of compositions(sizeUnknowns, n - shownSize)) {
    const size = new Map(levels.map((l) => [l.level, typeof l[g] === 'number' ? (l[g] as number) : 0]));
    sizeUnknowns.forEach((u, i) => size.set(u.level, sizes[i] as number));
    // Each outcome separately: the outcomes share only the level sizes.
    const perOutcome: Map<string, number>[][] = [];
    let feasible = true;
    for (const o of Object.values(pub.outcomes)) {
      const total = o[g].events;
      if (typeof total !== 'number') throw new Error('checker assumes the main outcome counts are shown');
      const evUnknowns: (Unknown & { level: string })[] = [];
      let shownEv = 0;
      for (const l of levels) {
        const lo_ = l.outcomes[o.id];
        if (!lo_) continue;
        const ln = size.get(l.level) as number;
        const [lo, hi] = domainOf(lo_[g].events, threshold, ln);
        if (lo === hi) {
          if (lo > ln) feasible = false;
          shownEv += lo;
        } else evUnknowns.push({ name: `${variable}.${l.level}.${o.id}.${g}.events`, lo, hi: Math.min(hi, ln), level: l.level });
      }
      const sols: Map<string, number>[] = [];
      if (feasible) {
        for (const vals of compositions(evUnknowns, total - shownEv)) {
          const m = new Map<string, number>();
          evUnknowns.forEach((u, i) => m.set(u.level, vals[i] as number));
          sols.push(m);
        }
      }
      if (sols.length === 0) feasible = false;
      perOutcome.push(sols);
    }
    if (!feasible) continue;
    sizeUnknowns.forEach((u, i) => note(u.name, sizes[i] as number));
    Object.values(pub.outcomes).forEach((o, k) => {
      for (const m of perOutcome[k] ?? []) {
        for (const l of levels) {
          const ln = size.get(l.level) as number;
          const shownE = l.outcomes[o.id]?.[g].events;
          const e = m.get(l.level) ?? (typeof shownE === 'number' ? shownE : NaN);
          if (m.has(l.level)) note(`${variable}.${l.level}.${o.id}.${g}.events`, e);
          note(`${variable}.${l.level}.${o.id}.${g}.non_events`, ln - e);
        }
      }
    });
  }
  return summarize(seen);
}

function summarize(seen: ReadonlyMap<string, ReadonlySet<number>>): Recovery {
  const pinned: Record<string, number> = {};
  for (const [name, values] of seen) if (values.size === 1) pinned[name] = [...values][0] as number;
  return { pinned, examined: seen.size };
}

/**
 * A published count table with margins: rows (each with its size), columns, and an overall
 * row (column totals, with the overall size). Returns the hidden "<T" cells the reader can
 * pin, by enumerating every completion of the rows that agrees with the column totals.
 * `null` sizes or totals are unpublished (unknown, ≥ 0).
 */
export function recoverTable(rows: readonly { readonly n: Count | null; readonly cells: readonly Count[] }[], totals: readonly Count[], totalN: number, threshold: number): string[] {
  const dom = (c: Count | null, upper: number): [number, number] => (c === null ? [0, upper] : domainOf(c, threshold, upper));
  const k = totals.length;
  const totalDom = totals.map((t) => dom(t, totalN));
  const seen = rows.map((r) => r.cells.map(() => new Set<number>()));
  const assign: number[][] = [];
  const rec = (i: number, colSums: number[]): void => {
    if (i === rows.length) {
      // The overall row must sum to totalN and each column total must be within its domain.
      const sum = colSums.reduce((s, x) => s + x, 0);
      if (sum !== totalN) return;
      if (!colSums.every((s, j) => s >= (totalDom[j] as [number, number])[0] && s <= (totalDom[j] as [number, number])[1])) return;
      assign.forEach((row, r) => row.forEach((v, j) => seen[r]?.[j]?.add(v)));
      return;
    }
    const row = rows[i] as (typeof rows)[number];
    const [nlo, nhi] = dom(row.n, totalN);
    for (let n = nlo; n <= nhi; n += 1) {
      const unknowns = row.cells.map((c, j) => ({ name: `${i}.${j}`, lo: dom(c, n)[0], hi: Math.min(dom(c, n)[1], n) }));
      for (const values of compositions(unknowns, n)) {
        assign[i] = values;
        rec(i + 1, colSums.map((s, j) => s + (values[j] as number)));
      }
    }
    assign.length = i;
  };
  rec(0, new Array<number>(k).fill(0));
  const pinned: string[] = [];
  rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      if (c === `<${threshold}` && (seen[i]?.[j]?.size ?? 0) < 2) pinned.push(`row ${i} col ${j}: ${[...(seen[i]?.[j] ?? [])].join('/')}`);
    }),
  );
  return pinned;
}
