import { describe, expect, it } from 'vitest';
import { treeOrder } from './tree-order';

const shape = (nodes: ReturnType<typeof treeOrder>) => nodes.map((n) => `${'.'.repeat(n.depth)}${n.page.id}<${n.parentId ?? '-'}`);

describe('treeOrder', () => {
  it('lists parents before children, siblings in the given order', () => {
    const pages = [
      { id: 'r' },
      { id: 'b', parentId: 'r' },
      { id: 'a', parentId: 'r' },
      { id: 'b1', parentId: 'b' },
      { id: 'a1', parentId: 'a' },
      { id: 'b2', parentId: 'b' },
    ];
    expect(shape(treeOrder(pages, 'r'))).toEqual(['r<-', '.b<r', '..b1<b', '..b2<b', '.a<r', '..a1<a']);
  });

  it('places a child listed before its parent under that parent', () => {
    const pages = [{ id: 'c', parentId: 'p' }, { id: 'r' }, { id: 'p', parentId: 'r' }];
    expect(shape(treeOrder(pages, 'r'))).toEqual(['r<-', '.p<r', '..c<p']);
  });

  it('hangs pages whose parent is not listed under the root', () => {
    const pages = [{ id: 'r' }, { id: 'x', parentId: 'hidden' }, { id: 'y' }, { id: 'z', parentId: 'x' }];
    expect(shape(treeOrder(pages, 'r'))).toEqual(['r<-', '.x<r', '..z<x', '.y<r']);
  });

  it('ignores the root’s own parent and a page that names itself', () => {
    const pages = [{ id: 'r', parentId: 'above' }, { id: 's', parentId: 's' }];
    expect(shape(treeOrder(pages, 'r'))).toEqual(['r<-', '.s<r']);
  });

  it('places an id listed twice once, where it was first listed', () => {
    const pages = [{ id: 'r' }, { id: 'a', parentId: 'r' }, { id: 'b', parentId: 'r' }, { id: 'a', parentId: 'b' }];
    expect(shape(treeOrder(pages, 'r'))).toEqual(['r<-', '.a<r', '.b<r']);
  });

  it('breaks parent cycles by hanging them under the root', () => {
    const pages = [{ id: 'r' }, { id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }, { id: 'c', parentId: 'r' }];
    expect(shape(treeOrder(pages, 'r'))).toEqual(['r<-', '.c<r', '.a<r', '..b<a']);
  });

  it('without the root listed, puts unparented pages at the top', () => {
    const pages = [{ id: 'a', parentId: 'r' }, { id: 'b', parentId: 'a' }, { id: 'c' }];
    expect(shape(treeOrder(pages, 'r'))).toEqual(['a<-', '.b<a', 'c<-']);
  });

  it('walks a chain ten thousand deep without overflowing the stack', () => {
    const pages = [{ id: 'p0' }, ...Array.from({ length: 10_000 }, (_, i) => ({ id: `p${i + 1}`, parentId: `p${i}` }))];
    const nodes = treeOrder(pages, 'p0');
    expect(nodes).toHaveLength(10_001);
    expect(nodes.at(-1)?.depth).toBe(10_000);
  });
});
