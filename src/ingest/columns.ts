/**
 * Header → column positions, with the spec's column mapping (`inputs.X.columns`:
 * canonical name → name in the file). Names match exactly, then case-insensitively.
 */
import { inputError } from '../errors.js';
import { oneLine, shown } from './errorList.js';

export interface ColumnLayout {
  /** canonical name → 0-based field index (required and present optional columns) */
  readonly index: ReadonlyMap<string, number>;
  /** Every other named column: its name (canonical if the mapping renamed it) and index. */
  readonly others: readonly { readonly name: string; readonly index: number }[];
  readonly width: number;
}

export function layoutColumns(
  header: readonly string[],
  required: readonly string[],
  optional: readonly string[],
  mapping: Readonly<Record<string, string>>,
  display: string,
): ColumnLayout {
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') return;
    const before = seen.get(name);
    if (before !== undefined) throw inputError(`column ${shown(name)} appears twice in the header (columns ${before + 1} and ${i + 1})`, { file: display, line: 1, column: i + 1 });
    seen.set(name, i);
  });
  const find = (fileName: string): number | undefined => {
    const exact = seen.get(fileName);
    if (exact !== undefined) return exact;
    const lower = fileName.toLowerCase();
    const hits = header.flatMap((h, i) => (h.toLowerCase() === lower ? [i] : []));
    return hits.length === 1 ? hits[0] : undefined;
  };
  const index = new Map<string, number>();
  const used = new Set<number>();
  const found = oneLine(header.filter((h) => h !== '').join(', '));
  for (const canonical of [...required, ...optional]) {
    const fileName = mapping[canonical] ?? canonical;
    const at = find(fileName);
    if (at === undefined) {
      if (!required.includes(canonical)) continue;
      const mapped = mapping[canonical] !== undefined ? ` (the spec maps ${canonical} to it)` : '';
      throw inputError(`missing column ${shown(fileName)}${mapped}; columns found: ${found || '(none)'}`, { file: display, line: 1 });
    }
    index.set(canonical, at);
    used.add(at);
  }
  const renamed = new Map<string, string>();
  for (const [canonical, fileName] of Object.entries(mapping)) {
    if (required.includes(canonical) || optional.includes(canonical)) continue;
    const at = find(fileName);
    if (at === undefined) throw inputError(`missing column ${shown(fileName)} (the spec maps ${canonical} to it); columns found: ${found || '(none)'}`, { file: display, line: 1 });
    renamed.set(header[at]!, canonical);
  }
  const others: { name: string; index: number }[] = [];
  header.forEach((name, i) => {
    if (name === '' || used.has(i)) return;
    others.push({ name: renamed.get(name) ?? name, index: i });
  });
  return { index, others, width: header.length };
}
