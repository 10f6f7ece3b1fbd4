// The content a simulator serves (the fixtures plus what tests add at runtime, e.g.
// `control.generateTree`), indexed so lookups stay fast with hundreds of pages; who may see what;
// and small helpers on titles and attachment bytes.
import { SIM_SPACES, SIM_USERS, type SimAttachment, type SimContent, type SimSpace } from './fixtures';
import type { SimUser } from './types';

export type Principal = { kind: 'user'; user: SimUser; tokenName: string } | { kind: 'anonymous' };

const SPACES: readonly SimSpace[] = Object.values(SIM_SPACES);

function bySiblingOrder(a: SimContent, b: SimContent): number {
  return a.position - b.position || a.id.localeCompare(b.id);
}

const key = (host: string, id: string): string => `${host}|${id}`;

/**
 * One simulator's content. Fixtures are shared and never changed; added content lives only in
 * this store, so `reset()` (a new store) drops it and two simulators in one process don't mix.
 */
export class ContentStore {
  private readonly items: SimContent[] = [];
  private readonly byId = new Map<string, SimContent>();
  private readonly kids = new Map<string, SimContent[]>();
  /** Parents whose child list needs sorting before it is read (sorted lazily: adds stay O(1)). */
  private readonly unsorted = new Set<string>();
  private readonly files = new Map<string, { c: SimContent; att: SimAttachment }>();
  private readonly attachmentsById = new Map<string, { c: SimContent; att: SimAttachment }>();

  constructor(initial: readonly SimContent[]) {
    for (const c of initial) this.add(c);
  }

  add(c: SimContent): void {
    const k = key(c.site, c.id);
    if (this.byId.has(k)) throw new Error(`content ${c.id} already exists on ${c.site}`);
    this.items.push(c);
    this.byId.set(k, c);
    if (c.parentId) {
      const pk = key(c.site, c.parentId);
      const list = this.kids.get(pk);
      if (list) list.push(c);
      else this.kids.set(pk, [c]);
      this.unsorted.add(pk);
    }
    for (const att of c.attachments) {
      this.files.set(att.fileId, { c, att });
      this.attachmentsById.set(key(c.site, att.id), { c, att });
    }
  }

  /** Everything, in the order it was added (fixtures first). */
  all(): readonly SimContent[] {
    return this.items;
  }

  find(host: string, id: string): SimContent | undefined {
    return this.byId.get(key(host, id));
  }

  findByTitle(host: string, spaceKey: string, title: string): SimContent | undefined {
    return this.items.find((c) => c.site === host && c.spaceKey.toLowerCase() === spaceKey.toLowerCase() && c.title === title);
  }

  /** The attachment with this media file id, and its container. */
  findFile(fileId: string): { c: SimContent; att: SimAttachment } | undefined {
    return this.files.get(fileId);
  }

  /** The attachment with this id on `host` (`att4000011`; the bare `4000011` too), and its container. */
  findAttachment(host: string, id: string): { c: SimContent; att: SimAttachment } | undefined {
    return this.attachmentsById.get(key(host, id)) ?? this.attachmentsById.get(key(host, `att${id}`));
  }

  /** Direct children of any hierarchical type, in tree order. */
  childrenOf(c: SimContent): readonly SimContent[] {
    const pk = key(c.site, c.id);
    const list = this.kids.get(pk);
    if (!list) return [];
    if (this.unsorted.delete(pk)) list.sort(bySiblingOrder);
    return list;
  }

  /** Descendants depth-first in tree order, with their depth below `c` (1 = child). */
  descendantsOf(c: SimContent, maxDepth = Infinity): Array<{ content: SimContent; depth: number }> {
    const out: Array<{ content: SimContent; depth: number }> = [];
    const walk = (node: SimContent, depth: number): void => {
      if (depth > maxDepth) return;
      for (const child of this.childrenOf(node)) {
        out.push({ content: child, depth });
        walk(child, depth + 1);
      }
    };
    walk(c, 1);
    return out;
  }

  /** Ancestors, root first (as Confluence lists them). */
  ancestorsOf(c: SimContent): SimContent[] {
    const out: SimContent[] = [];
    let parentId = c.parentId;
    while (parentId) {
      const parent = this.find(c.site, parentId);
      if (!parent) break;
      out.unshift(parent);
      parentId = parent.parentId;
    }
    return out;
  }
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

export function userByKey(key: string): SimUser {
  const user = (SIM_USERS as Record<string, SimUser>)[key];
  if (!user) throw new Error(`fixture error: unknown user ${key}`);
  return user;
}

export function userByAccountId(accountId: string): SimUser | undefined {
  return (Object.values(SIM_USERS) as SimUser[]).find((u) => u.accountId === accountId);
}

export function canViewSpace(principal: Principal, space: SimSpace): boolean {
  return principal.kind === 'user' || space.public;
}

export function canView(principal: Principal, c: SimContent): boolean {
  if (!canViewSpace(principal, spaceOfContent(c))) return false;
  if (!c.restrictedTo) return true;
  return principal.kind === 'user' && c.restrictedTo.includes(principal.user.key);
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

/** Bytes of generated attachments: a fixed pseudo-random stream per seed (xorshift32), made on demand. */
function generatedBytes(size: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 0x9e3779b9;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    for (let j = 0; j < 4 && i + j < size; j++) out[i + j] = (x >>> (j * 8)) & 0xff;
  }
  return out;
}

export function attachmentBytes(att: Pick<SimAttachment, 'text' | 'base64' | 'generated'>): Buffer {
  if (att.generated) return generatedBytes(att.generated.size, att.generated.seed);
  return att.base64 !== undefined ? Buffer.from(att.base64, 'base64') : Buffer.from(att.text ?? '', 'utf8');
}

/** `fileSize` without building generated bytes. */
export function attachmentSize(att: Pick<SimAttachment, 'text' | 'base64' | 'generated'>): number {
  return att.generated ? att.generated.size : attachmentBytes(att).length;
}
