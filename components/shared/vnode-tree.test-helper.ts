import type { ComponentChildren, VNode } from 'preact';

/*
 * Test helper: expands a tree of hook-free function components into plain elements, so views can
 * be checked in Node without a DOM or an extra dependency. Components with state (hooks) cannot
 * run outside a render: name them in `opaque` and they stay as one element, tagged with the
 * component's name and holding the props they were given.
 */
export interface Element {
  tag: string;
  props: Record<string, unknown>;
  children: Node[];
}
export type Node = Element | string;

/** Components left unexpanded (compared by identity). */
export type Opaque = readonly ((props: never) => unknown)[];

export function expand(children: ComponentChildren, opaque: Opaque = []): Node[] {
  if (children === null || children === undefined || typeof children === 'boolean') return [];
  if (Array.isArray(children)) return children.flatMap((c) => expand(c as ComponentChildren, opaque));
  if (typeof children === 'string' || typeof children === 'number' || typeof children === 'bigint') return [String(children)];
  const vnode = children as VNode<Record<string, unknown>>;
  if (typeof vnode.type === 'function') {
    if ((opaque as readonly unknown[]).includes(vnode.type)) return [{ tag: vnode.type.name, props: { ...vnode.props }, children: [] }];
    return expand((vnode.type as (p: unknown) => ComponentChildren)(vnode.props), opaque);
  }
  const { children: inner, ...props } = vnode.props as Record<string, unknown> & { children?: ComponentChildren };
  return [{ tag: String(vnode.type), props, children: expand(inner, opaque) }];
}

export function textOf(nodes: Node[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : textOf(n.children))).join('');
}

export function findAll(nodes: Node[], match: (e: Element) => boolean): Element[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [] : [...(match(n) ? [n] : []), ...findAll(n.children, match)]));
}

export function byTestId(nodes: Node[], id: string): Element[] {
  return findAll(nodes, (e) => e.props['data-testid'] === id);
}

/** The one element with this test id; throws (failing the test) when there is none or several. */
export function one(nodes: Node[], id: string): Element {
  const found = byTestId(nodes, id);
  if (found.length !== 1) throw new Error(`expected one element with data-testid="${id}", found ${found.length}`);
  return found[0]!;
}

/** Calls an element's event handler as the browser would (with a minimal event where needed). */
export function fire(element: Element, handler: string, event: unknown = { preventDefault() {} }): void {
  const fn = element.props[handler];
  if (typeof fn !== 'function') throw new Error(`<${element.tag}> has no ${handler}`);
  (fn as (e: unknown) => void)(event);
}
