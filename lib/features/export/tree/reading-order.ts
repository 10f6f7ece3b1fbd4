/**
 * A listing put in reading order: parents before their children, siblings by Confluence's
 * position when every one of them has one, else as listed (v1 lists and v2's top-to-bottom
 * order are not sibling orders to rely on when positions exist). Depth comes from the structure
 * itself, so it is right whatever the API said.
 */
import type { TreeEntry } from './tree-entry';
import type { TreeNode } from './tree-node';

function siblingOrder(siblings: TreeNode[], listed: Map<string, number>): TreeNode[] {
  if (!siblings.every((s) => s.position !== undefined)) return siblings;
  // Listed order breaks ties, so equal positions stay as Confluence gave them.
  return [...siblings].sort((a, b) => (a.position as number) - (b.position as number) || (listed.get(a.id) ?? 0) - (listed.get(b.id) ?? 0));
}

function toEntry(node: TreeNode, parentId: string, depth: number): TreeEntry {
  const entry: TreeEntry = { id: node.id, title: node.title, type: node.type, parentId, depth };
  if (node.position !== undefined) entry.position = node.position;
  return entry;
}

/**
 * `nodes` below `rootId` (the root itself is not among them). A node whose parent is not in the
 * listing is placed under the root: better exported at the top than lost. Duplicates are kept once.
 */
export function inReadingOrder(rootId: string, nodes: readonly TreeNode[]): TreeEntry[] {
  const listed = new Map<string, number>();
  const unique: TreeNode[] = [];
  for (const node of nodes) {
    if (node.id === rootId || listed.has(node.id)) continue;
    listed.set(node.id, unique.length);
    unique.push(node);
  }
  const children = new Map<string, TreeNode[]>();
  for (const node of unique) {
    const parent = listed.has(node.parentId) ? node.parentId : rootId;
    const group = children.get(parent);
    if (group) group.push(node);
    else children.set(parent, [node]);
  }

  const out: TreeEntry[] = [];
  // Iterative walk: a chain thousands deep must not exhaust the stack.
  const stack: Array<{ node: TreeNode; parentId: string; depth: number }> = [];
  const pushChildren = (parentId: string, depth: number) => {
    const ordered = siblingOrder(children.get(parentId) ?? [], listed);
    for (let i = ordered.length - 1; i >= 0; i--) stack.push({ node: ordered[i] as TreeNode, parentId, depth });
  };
  const placed = new Set<string>();
  const walk = () => {
    while (stack.length > 0) {
      const { node, parentId, depth } = stack.pop() as (typeof stack)[number];
      if (placed.has(node.id)) continue;
      placed.add(node.id);
      out.push(toEntry(node, parentId, depth));
      pushChildren(node.id, depth + 1);
    }
  };
  pushChildren(rootId, 1);
  walk();
  // Nodes in a parent cycle are reachable from nowhere: each goes under the root, with what hangs below it.
  for (const node of unique) {
    if (placed.has(node.id)) continue;
    stack.push({ node, parentId: rootId, depth: 1 });
    walk();
  }
  return out;
}
