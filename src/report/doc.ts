/**
 * The note as a list of blocks, built once and rendered twice (Markdown and HTML) so the
 * two outputs cannot drift apart. Text is plain; `**bold**` is the only inline markup.
 */

export type Align = 'left' | 'right';

export type Block =
  | { readonly kind: 'title'; readonly text: string; readonly subtitle?: string }
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string; readonly id: string; readonly pageBreak?: boolean }
  | { readonly kind: 'paragraph'; readonly text: string; readonly className?: 'lead' | 'note' | 'small' }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly ordered?: boolean }
  | {
      readonly kind: 'table';
      readonly id: string;
      readonly caption: string;
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly align: readonly Align[];
      /** Rows (by index) drawn as a total row. */
      readonly totalRows?: readonly number[];
      readonly notes?: readonly string[];
      /** Narrow monospace columns (checksums). */
      readonly mono?: readonly number[];
      readonly small?: boolean;
    }
  | { readonly kind: 'figure'; readonly name: string; readonly caption: string; readonly svg: string; readonly alt: string }
  | { readonly kind: 'banner'; readonly text: string };

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A sentence ending in an abbreviation ("kr.", "pct.") takes no second full stop. */
function tidy(s: string): string {
  return s.replace(/\b(kr|pct|f\.eks)\.\./g, '$1.');
}

function inlineHtml(s: string): string {
  return escapeHtml(tidy(s)).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

/** Markdown: escape what would start markup inside table cells and text. */
function inlineMd(s: string, inTable = false): string {
  // "<" is escaped only where it could open an HTML tag ("<5" stays readable).
  let out = tidy(s).replace(/\\/g, '\\\\').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
  if (inTable) out = out.replace(/\|/g, '\\|');
  return out;
}

export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(`# ${inlineMd(b.text)}`);
        if (b.subtitle) out.push(inlineMd(b.subtitle));
        break;
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${inlineMd(b.text)}`);
        break;
      case 'paragraph':
        out.push(b.className === 'note' || b.className === 'small' ? `*${inlineMd(b.text).replace(/\*\*/g, '')}*` : inlineMd(b.text));
        break;
      case 'list':
        out.push(b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inlineMd(it)}`).join('\n'));
        break;
      case 'banner':
        out.push(`> **${inlineMd(b.text)}**`);
        break;
      case 'table': {
        const lines = [`**${inlineMd(b.caption)}**`, ''];
        lines.push(`| ${b.head.map((h) => inlineMd(h, true)).join(' | ')} |`);
        lines.push(`| ${b.align.map((a) => (a === 'right' ? '---:' : ':---')).join(' | ')} |`);
        b.rows.forEach((r, i) => {
          const cells = r.map((c) => inlineMd(c, true) || ' ');
          lines.push(`| ${(b.totalRows?.includes(i) ? cells.map((c) => (c.trim() ? `**${c}**` : c)) : cells).join(' | ')} |`);
        });
        if (b.notes?.length) lines.push('', ...b.notes.map((n) => `*${inlineMd(n)}*`).join('\n\n').split('\n'));
        out.push(lines.join('\n'));
        break;
      }
      case 'figure':
        out.push(`![${inlineMd(b.alt)}](charts/${b.name}.svg)\n\n*${inlineMd(b.caption)}*`);
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

export interface HtmlOptions {
  readonly lang: string;
  readonly title: string;
  readonly css: string;
}

export function renderHtml(blocks: readonly Block[], options: HtmlOptions): string {
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        body.push(`<header class="title"><h1>${inlineHtml(b.text)}</h1>${b.subtitle ? `<p class="subtitle">${inlineHtml(b.subtitle)}</p>` : ''}</header>`);
        break;
      case 'heading':
        body.push(`<h${b.level} id="${escapeHtml(b.id)}"${b.pageBreak ? ' class="page-break"' : ''}>${inlineHtml(b.text)}</h${b.level}>`);
        break;
      case 'paragraph':
        body.push(`<p${b.className ? ` class="${b.className}"` : ''}>${inlineHtml(b.text)}</p>`);
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        body.push(`<${tag}>${b.items.map((it) => `<li>${inlineHtml(it)}</li>`).join('')}</${tag}>`);
        break;
      }
      case 'banner':
        body.push(`<div class="banner" role="note">${inlineHtml(b.text)}</div>`);
        break;
      case 'table': {
        const cls = (i: number) => {
          const c = [b.align[i] === 'right' ? 'num' : '', b.mono?.includes(i) ? 'mono' : ''].filter(Boolean).join(' ');
          return c ? ` class="${c}"` : '';
        };
        const head = `<thead><tr>${b.head.map((h, i) => `<th scope="col"${cls(i)}>${inlineHtml(h)}</th>`).join('')}</tr></thead>`;
        const rows = b.rows
          .map((r, ri) => `<tr${b.totalRows?.includes(ri) ? ' class="total"' : ''}>${r.map((c, i) => (i === 0 ? `<th scope="row"${cls(i)}>${inlineHtml(c)}</th>` : `<td${cls(i)}>${inlineHtml(c)}</td>`)).join('')}</tr>`)
          .join('');
        const notes = b.notes?.length ? `<div class="table-notes">${b.notes.map((n) => `<p>${inlineHtml(n)}</p>`).join('')}</div>` : '';
        body.push(`<figure class="table${b.small ? ' small' : ''}" id="${escapeHtml(b.id)}"><table><caption>${inlineHtml(b.caption)}</caption>${head}<tbody>${rows}</tbody></table>${notes}</figure>`);
        break;
      }
      case 'figure':
        body.push(`<figure class="chart" id="fig-${escapeHtml(b.name)}" role="img" aria-label="${escapeHtml(b.alt)}">${b.svg}<figcaption>${inlineHtml(b.caption)}</figcaption></figure>`);
        break;
    }
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>\n${options.css}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
