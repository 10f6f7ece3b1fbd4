// Read-only queries over the fixture content, and who may see what.
import { SIM_CONTENT, SIM_SPACES, SIM_USERS, type SimContent, type SimSpace } from './fixtures';
import type { SimUser } from './types';

export type Principal = { kind: 'user'; user: SimUser; tokenName: string } | { kind: 'anonymous' };

const SPACES: readonly SimSpace[] = Object.values(SIM_SPACES);

export function findContent(host: string, id: string): SimContent | undefined {
  return SIM_CONTENT.find((c) => c.site === host && c.id === id);
}

export function findSpace(host: string, key: string): SimSpace | undefined {
  return SPACES.find((s) => s.site === host && s.key.toLowerCase() === key.toLowerCase());
}

export function spacesOf(host: string): SimSpace[] {
  return SPACES.filter((s) => s.site === host);
}

export function spaceOfContent(c: SimContent): SimSpace {
  const space = findSpace(c.site, c.spaceKey);
  if (!space) throw new Error(`fixture error: content ${c.id} names unknown space ${c.spaceKey}`);
  return space;
}

export function findByTitle(host: string, spaceKey: string, title: string): SimContent | undefined {
  return SIM_CONTENT.find((c) => c.site === host && c.spaceKey.toLowerCase() === spaceKey.toLowerCase() && c.title === title);
}

export function userByKey(key: string): SimUser {
  const user = (SIM_USERS as Record<string, SimUser>)[key];
  if (!user) throw new Error(`fixture error: unknown user ${key}`);
  return user;
}

export function canViewSpace(principal: Principal, space: SimSpace): boolean {
  return principal.kind === 'user' || space.public;
}

export function canView(principal: Principal, c: SimContent): boolean {
  if (!canViewSpace(principal, spaceOfContent(c))) return false;
  if (!c.restrictedTo) return true;
  return principal.kind === 'user' && c.restrictedTo.includes(principal.user.key);
}

function bySiblingOrder(a: SimContent, b: SimContent): number {
  return a.position - b.position || a.id.localeCompare(b.id);
}

/** Direct children of any hierarchical type, in tree order. */
export function childrenOf(c: SimContent): SimContent[] {
  return SIM_CONTENT.filter((x) => x.site === c.site && x.parentId === c.id).sort(bySiblingOrder);
}

/** Descendants depth-first in tree order, with their depth below `c` (1 = child). */
export function descendantsOf(c: SimContent, maxDepth = Infinity): Array<{ content: SimContent; depth: number }> {
  const out: Array<{ content: SimContent; depth: number }> = [];
  const walk = (node: SimContent, depth: number): void => {
    if (depth > maxDepth) return;
    for (const child of childrenOf(node)) {
      out.push({ content: child, depth });
      walk(child, depth + 1);
    }
  };
  walk(c, 1);
  return out;
}

/** Ancestors, root first. */
export function ancestorsOf(c: SimContent): SimContent[] {
  const out: SimContent[] = [];
  let parentId = c.parentId;
  while (parentId) {
    const parent = findContent(c.site, parentId);
    if (!parent) break;
    out.unshift(parent);
    parentId = parent.parentId;
  }
  return out;
}

/** Title as it appears in URLs: spaces become '+', the rest is percent-encoded. */
export function titleSlug(title: string): string {
  return encodeURIComponent(title).replace(/%20/g, '+');
}

export function slugToTitle(slug: string): string {
  try {
    return decodeURIComponent(slug.replace(/\+/g, ' '));
  } catch {
    return slug;
  }
}

export function attachmentBytes(att: { text?: string; base64?: string }): Buffer {
  return att.base64 !== undefined ? Buffer.from(att.base64, 'base64') : Buffer.from(att.text ?? '', 'utf8');
}
