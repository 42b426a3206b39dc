/**
 * JSON for published files: 2-space indent, trailing newline, keys in the order the
 * records build them (deterministic), non-finite numbers as null (JSON has no Infinity;
 * e.g. an odds ratio at the edge of its range), −0 as 0.
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return null;
      if (Object.is(v, -0)) return 0;
    }
    if (v instanceof Float64Array || v instanceof Float32Array) return Array.from(v);
    if (v instanceof Map) return Object.fromEntries(v);
    return v;
  }, 2)}\n`;
}
