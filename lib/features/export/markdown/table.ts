// Tables, shared by the storage and ADF converters.
// GFM tables cannot merge cells, hold block content (lists, code, nested tables) or have more
// than one header row. Rather than flatten such a table (which shifts cells and loses the
// grid), it is written as an HTML <table> keeping colspan/rowspan, each cell's content still
// Markdown (set off by blank lines, so GitHub and CommonMark parse it). Only a table GFM can
// hold exactly becomes a pipe table.
import type { Block } from './gfm';

export interface TableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
  blocks: Block[];
}

export interface TableRow {
  cells: TableCell[];
  /** Whether the row sits in <thead> (storage) — ADF has no sections. */
  head: boolean;
}

export function tableNeedsHtml(rows: readonly TableRow[]): boolean {
  for (const [i, row] of rows.entries()) {
    const allHeader = row.cells.length > 0 && row.cells.every((c) => c.header);
    // Header cells are allowed only as the whole first row.
    if (i === 0 ? row.cells.some((c) => c.header) && !allHeader : row.cells.some((c) => c.header) || row.head) return true;
    for (const cell of row.cells) {
      if (cell.colspan > 1 || cell.rowspan > 1) return true;
      if (cell.blocks.some((b) => b.kind !== 'paragraph')) return true;
    }
  }
  return false;
}

/** Inline cell text for a pipe table: paragraphs and hard breaks become <br>, pipes escaped. */
function pipeCell(cell: TableCell | undefined): string {
  if (!cell) return '';
  let text = '';
  for (const block of cell.blocks) {
    const md = block.md.indexOf('\n') >= 0 ? block.md.replace(/\\\n/g, '<br>').replace(/\n/g, ' ') : block.md;
    if (md !== '') text += text === '' ? md : `<br><br>${md}`;
  }
  // Twice, since one pass cannot escape the second of two adjacent pipes.
  return text.indexOf('|') < 0 ? text : text.replace(/(^|[^\\])\|/g, '$1\\|').replace(/(^|[^\\])\|/g, '$1\\|');
}

function pipeTable(rows: readonly TableRow[]): string {
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const cellsOf = (row: TableRow | undefined) =>
    Array.from({ length: width }, (_, i) => pipeCell(row?.cells[i]));
  const first = rows[0];
  const hasHeader = first !== undefined && first.cells.length > 0 && first.cells.every((c) => c.header);
  // GFM needs a header row; a table without one gets an empty header rather than promoting data.
  const header = hasHeader ? cellsOf(first) : Array.from({ length: width }, () => '');
  const body = (hasHeader ? rows.slice(1) : rows).map((r) => line(cellsOf(r)));
  return [line(header), line(Array.from({ length: width }, () => '---')), ...body].join('\n');
}

const PLAIN = /^[^\\*`[\]<>_~&!\n|#]*$/;

function htmlCell(cell: TableCell): string {
  const tag = cell.header ? 'th' : 'td';
  const attrs =
    (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '');
  const md = cell.blocks
    .map((b) => b.md)
    .filter((m) => m !== '')
    .join('\n\n');
  if (md === '') return `<${tag}${attrs}></${tag}>`;
  // Plain text needs no Markdown parsing: keep it on one line. Anything with Markdown syntax is
  // set off by blank lines, which makes CommonMark (and GitHub) parse it inside the cell.
  if (cell.blocks.length === 1 && cell.blocks[0]?.kind === 'paragraph' && PLAIN.test(md)) return `<${tag}${attrs}>${md}</${tag}>`;
  return `<${tag}${attrs}>\n\n${md}\n\n</${tag}>`;
}

function htmlTable(rows: readonly TableRow[]): string {
  const out = ['<table>'];
  const head = rows.filter((r) => r.head);
  const body = rows.filter((r) => !r.head);
  const section = (name: string, list: readonly TableRow[]) => {
    if (list.length === 0) return;
    out.push(`<${name}>`);
    for (const row of list) out.push('<tr>', ...row.cells.map(htmlCell), '</tr>');
    out.push(`</${name}>`);
  };
  section('thead', head);
  section('tbody', body);
  out.push('</table>');
  return out.join('\n');
}

export function writeTable(rows: readonly TableRow[]): string {
  if (rows.length === 0) return '';
  return tableNeedsHtml(rows) ? htmlTable(rows) : pipeTable(rows);
}
