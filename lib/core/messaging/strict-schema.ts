import type * as z from 'zod/mini';

/*
 * Finds the places in a schema where an object would let unlisted keys through. Reply schemas
 * must have none: a field nobody listed (a secret) must make the reply fail, not slip out.
 */

type AnyDef = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): AnyDef => (schema as z.core.$ZodType)._zod.def as unknown as AnyDef;

/** Paths (`entries[].site`) of every object in `schema` that is not strict; empty when all are. */
export function looseObjectPaths(schema: z.core.$ZodType, path = '(reply)', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: unknown, at: string) => looseObjectPaths(child as z.core.$ZodType, at, seen);
  switch (def.type) {
    case 'object': {
      const loose = def.catchall === undefined || defOf(def.catchall).type !== 'never' ? [path] : [];
      const shape = def.shape as Record<string, unknown>;
      return [...loose, ...Object.entries(shape).flatMap(([key, child]) => inner(child, `${path}.${key}`))];
    }
    case 'array':
      return inner(def.element, `${path}[]`);
    case 'union':
      return (def.options as unknown[]).flatMap((option, i) => inner(option, `${path}|${i}`));
    case 'intersection':
      return [...inner(def.left, path), ...inner(def.right, path)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(def.innerType, path);
    case 'pipe':
      return [...inner(def.in, path), ...inner(def.out, path)];
    case 'record':
      return inner(def.valueType, `${path}{}`);
    case 'tuple':
      return (def.items as unknown[]).flatMap((item, i) => inner(item, `${path}[${i}]`));
    case 'lazy':
      return inner((def.getter as () => unknown)(), path);
    default:
      return [];
  }
}
