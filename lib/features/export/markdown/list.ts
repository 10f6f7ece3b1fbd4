// List items and block joining, shared by the storage and ADF converters.
import { prefixLines, type Block } from './gfm';

/**
 * One list item: `marker` then the item's blocks, continuation lines indented to the content
 * column. A nested list follows its paragraph directly (keeps the list tight); other blocks
 * are separated by a blank line.
 */
export function listItem(marker: string, blocks: readonly Block[]): string {
  let md = '';
  let prev: Block | undefined;
  for (const block of blocks) {
    if (block.md === '') continue;
    if (prev) md += block.kind === 'list' && prev.kind === 'paragraph' ? '\n' : '\n\n';
    md += block.md;
    prev = block;
  }
  const pad = ' '.repeat(marker.length + 1);
  return md === '' ? marker : prefixLines(md, `${marker} `, pad);
}

function sameMarker(a: Block, b: Block): boolean {
  return /^\d/.test(a.md) === /^\d/.test(b.md);
}

/**
 * Join a container's blocks with blank lines. Two lists in a row would merge into one in
 * Markdown, so an empty HTML comment keeps them apart.
 */
export function joinFlow(blocks: readonly Block[]): string {
  let md = '';
  let prev: Block | undefined;
  for (const block of blocks) {
    if (block.md === '') continue;
    if (prev) md += prev.kind === 'list' && block.kind === 'list' && sameMarker(prev, block) ? '\n\n<!-- -->\n\n' : '\n\n';
    md += block.md;
    prev = block;
  }
  return md;
}
