/** A listed node before it is put in reading order (its depth comes from where it ends up). */
import type { TreeEntry } from './tree-entry';

export interface TreeNode extends Omit<TreeEntry, 'depth'> {
  /** As Confluence gave it (`current`, `trashed`, …), when it did. */
  status?: string | undefined;
}
