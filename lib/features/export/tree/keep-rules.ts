/**
 * Which listed nodes a tree export keeps. Pages are exported and folders hold them. Whiteboards,
 * databases and embeds have no body to convert, and trashed or draft entries are not part of
 * the published tree: those are left out, unless a kept node lives below one, in which case it
 * stays as a structural node so the pages under it keep their place.
 */
import type { TreeNode } from './tree-node';

const KEPT_TYPES: ReadonlySet<string> = new Set(['page', 'folder']);
const LEFT_OUT_STATUSES: ReadonlySet<string> = new Set(['trashed', 'deleted', 'draft']);

/** Kept for itself, whatever lies below it. */
export function isKeptForItself(node: Pick<TreeNode, 'type' | 'status'>): boolean {
  return KEPT_TYPES.has(node.type) && (node.status === undefined || !LEFT_OUT_STATUSES.has(node.status));
}

/** The nodes kept (in listed order) and how many were left out. */
export function keepExportable(nodes: readonly TreeNode[]): { kept: TreeNode[]; skipped: number } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keep = new Set<string>();
  for (const node of nodes) {
    if (!isKeptForItself(node)) continue;
    // Walk up, marking the chain, until a node already marked (or the top of the listing).
    let current: TreeNode | undefined = node;
    while (current !== undefined && !keep.has(current.id)) {
      keep.add(current.id);
      current = byId.get(current.parentId);
    }
  }
  const kept = nodes.filter((n) => keep.has(n.id));
  return { kept, skipped: nodes.length - kept.length };
}
