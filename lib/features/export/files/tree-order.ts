// The shape of an exported page tree, shared by the layout and the index so both nest pages
// the same way. Pages arrive as a flat list (the descendants endpoints' order); a page whose
// parent is not in the list (a restricted or unlisted page in between) hangs under the root,
// and so does a page caught in a parent cycle, so every listed page is placed exactly once.

export interface TreeNodeInput {
  id: string;
  parentId?: string;
}

export interface TreeNode<T extends TreeNodeInput> {
  page: T;
  /** The parent it is placed under: its own when listed, else the root; none for the root. */
  parentId?: string;
  /** 0 for the root (or, when the root is not listed, for each top-level page). */
  depth: number;
}

/**
 * The pages in depth-first pre-order (each parent before its children, siblings in the given
 * order), an id listed twice placed once (its first listing wins). Iterative, so a deep tree
 * cannot overflow the stack.
 */
export function treeOrder<T extends TreeNodeInput>(pages: readonly T[], rootId: string): TreeNode<T>[] {
  const byId = new Map<string, T>();
  for (const page of pages) if (!byId.has(page.id)) byId.set(page.id, page);
  const hasRoot = byId.has(rootId);

  const placedParent = (page: T): string | undefined => {
    if (page.id === rootId) return undefined;
    const listed = page.parentId !== undefined && page.parentId !== page.id && byId.has(page.parentId);
    if (listed) return page.parentId;
    return hasRoot ? rootId : undefined;
  };

  const children = new Map<string, T[]>();
  const tops: T[] = [];
  for (const page of byId.values()) {
    const parent = placedParent(page);
    if (parent === undefined) {
      if (page.id !== rootId) tops.push(page);
      continue;
    }
    const siblings = children.get(parent);
    if (siblings) siblings.push(page);
    else children.set(parent, [page]);
  }

  const out: TreeNode<T>[] = [];
  const visited = new Set<string>();
  const walk = (start: T, parentId: string | undefined, depth: number): void => {
    const stack: TreeNode<T>[] = [{ page: start, parentId, depth }];
    while (stack.length > 0) {
      const node = stack.pop() as TreeNode<T>;
      if (visited.has(node.page.id)) continue;
      visited.add(node.page.id);
      out.push(node);
      const below = children.get(node.page.id) ?? [];
      for (let i = below.length - 1; i >= 0; i--) {
        const child = below[i] as T;
        if (!visited.has(child.id)) stack.push({ page: child, parentId: node.page.id, depth: node.depth + 1 });
      }
    }
  };

  const root = byId.get(rootId);
  if (root) walk(root, undefined, 0);
  for (const page of tops) walk(page, undefined, 0);
  // Whatever is still unvisited sits in a parent cycle that never reaches the root.
  for (const page of byId.values()) {
    if (!visited.has(page.id)) walk(page, hasRoot ? rootId : undefined, hasRoot ? 1 : 0);
  }
  return out;
}
