import type { ComponentChildren, VNode } from 'preact';

/*
 * Test helper: expands a tree of hook-free function components into plain elements, so views can
 * be checked in Node without a DOM or an extra dependency.
 */
export interface Element {
  tag: string;
  props: Record<string, unknown>;
  children: Node[];
}
export type Node = Element | string;

export function expand(children: ComponentChildren): Node[] {
  if (children === null || children === undefined || typeof children === 'boolean') return [];
  if (Array.isArray(children)) return children.flatMap((c) => expand(c as ComponentChildren));
  if (typeof children === 'string' || typeof children === 'number' || typeof children === 'bigint') return [String(children)];
  const vnode = children as VNode<Record<string, unknown>>;
  if (typeof vnode.type === 'function') {
    return expand((vnode.type as (p: unknown) => ComponentChildren)(vnode.props));
  }
  const { children: inner, ...props } = vnode.props as Record<string, unknown> & { children?: ComponentChildren };
  return [{ tag: String(vnode.type), props, children: expand(inner) }];
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
