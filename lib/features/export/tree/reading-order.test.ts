import { describe, expect, it } from 'vitest';
import { keepExportable } from './keep-rules';
import { inReadingOrder } from './reading-order';
import type { TreeNode } from './tree-node';

const node = (id: string, parentId: string, extra: Partial<TreeNode> = {}): TreeNode => ({ id, title: id, type: 'page', parentId, ...extra });
const ids = (nodes: readonly TreeNode[]) => inReadingOrder('r', nodes).map((e) => `${e.id}@${e.depth}`);

describe('inReadingOrder', () => {
  it('parents before children, siblings by position, depth from the structure', () => {
    const nodes = [node('b', 'r', { position: 2 }), node('a', 'r', { position: 1 }), node('b1', 'b', { position: 0 }), node('a2', 'a', { position: 5 }), node('a1', 'a', { position: 3 })];
    expect(ids(nodes)).toEqual(['a@1', 'a1@2', 'a2@2', 'b@1', 'b1@2']);
  });

  it('keeps the listed order among siblings when not all of them have a position', () => {
    expect(ids([node('z', 'r', { position: 9 }), node('y', 'r'), node('x', 'r', { position: 1 })])).toEqual(['z@1', 'y@1', 'x@1']);
  });

  it('equal positions keep the listed order', () => {
    expect(ids([node('b', 'r', { position: 0 }), node('a', 'r', { position: 0 })])).toEqual(['b@1', 'a@1']);
  });

  it('a child listed before its parent still comes after it', () => {
    expect(ids([node('c', 'p'), node('p', 'r')])).toEqual(['p@1', 'c@2']);
  });

  it('a node whose parent is not listed goes under the root, not lost', () => {
    expect(inReadingOrder('r', [node('a', 'r'), node('lost', 'elsewhere')])).toEqual([
      { id: 'a', title: 'a', type: 'page', parentId: 'r', depth: 1 },
      { id: 'lost', title: 'lost', type: 'page', parentId: 'r', depth: 1 },
    ]);
  });

  it('a parent cycle ends, every node placed once', () => {
    expect(ids([node('a', 'b'), node('b', 'a'), node('c', 'r')])).toEqual(['c@1', 'a@1', 'b@2']);
  });

  it('drops duplicates and the root itself', () => {
    expect(ids([node('a', 'r'), node('a', 'r'), node('r', 'x')])).toEqual(['a@1']);
  });

  it('a chain 20 000 deep does not exhaust the stack', () => {
    const deep = Array.from({ length: 20_000 }, (_, i) => node(`n${i}`, i === 0 ? 'r' : `n${i - 1}`));
    const out = inReadingOrder('r', deep);
    expect(out).toHaveLength(20_000);
    expect(out.at(-1)).toMatchObject({ id: 'n19999', depth: 20_000, parentId: 'n19998' });
  });
});

describe('keepExportable', () => {
  it('keeps pages and folders, leaves out whiteboards, databases, embeds and trashed or draft pages', () => {
    const nodes = [
      node('p', 'r'),
      node('f', 'r', { type: 'folder' }),
      node('w', 'r', { type: 'whiteboard' }),
      node('d', 'r', { type: 'database' }),
      node('e', 'r', { type: 'embed' }),
      node('t', 'r', { status: 'trashed' }),
      node('dr', 'r', { status: 'draft' }),
      node('cur', 'r', { status: 'current' }),
    ];
    const { kept, skipped } = keepExportable(nodes);
    expect(kept.map((n) => n.id)).toEqual(['p', 'f', 'cur']);
    expect(skipped).toBe(5);
  });

  it('keeps a left-out type when a page lives below it, however deep', () => {
    const nodes = [node('w', 'r', { type: 'whiteboard' }), node('d', 'w', { type: 'database' }), node('p', 'd'), node('e', 'w', { type: 'embed' })];
    const { kept, skipped } = keepExportable(nodes);
    expect(kept.map((n) => n.id)).toEqual(['w', 'd', 'p']);
    expect(skipped).toBe(1);
  });
});
