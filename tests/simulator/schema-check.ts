// A compact validator for the JSON-schema subset the Confluence OpenAPI specs use: $ref, allOf,
// oneOf/anyOf, type, nullable, enum, required, properties, additionalProperties, items,
// min/max(Items), format date-time/int32/int64. Besides errors it reports properties a schema
// doesn't declare (OpenAPI allows them; we list them so typos and spec gaps are visible).
import type { OpenApiDoc } from './spec-scopes';

export type Schema = Record<string, unknown>;

export interface SchemaCheckResult {
  errors: string[];
  /** JSON paths of properties not declared where the schema lists its properties. */
  undeclared: string[];
}

interface Ctx {
  doc: OpenApiDoc;
  errors: string[];
  undeclared: string[];
}

export function resolveRef(doc: OpenApiDoc, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (!node || typeof node !== 'object') throw new Error(`unresolvable $ref ${ref}`);
  return node as Schema;
}

function deref(doc: OpenApiDoc, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; typeof s.$ref === 'string'; i++) {
    if (i > 32) throw new Error(`$ref cycle at ${String(s.$ref)}`);
    s = resolveRef(doc, s.$ref);
  }
  return s;
}

/** allOf of object schemas → one object schema (same-named properties combine with allOf). */
function mergeAllOf(doc: OpenApiDoc, schema: Schema): Schema {
  const { allOf, ...rest } = schema;
  const parts = [rest, ...(allOf as Schema[]).map((p) => deref(doc, p))].map((p) => (p.allOf ? mergeAllOf(doc, p) : p));
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  let additional: unknown;
  let declaresProps = false;
  const merged: Schema = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (k === 'properties') {
        declaresProps = true;
        for (const [name, sub] of Object.entries(v as Record<string, Schema>)) {
          properties[name] = properties[name] ? { allOf: [properties[name], sub] } : sub;
        }
      } else if (k === 'required') {
        for (const r of v as string[]) required.add(r);
      } else if (k === 'additionalProperties') {
        if (v === true || (typeof v === 'object' && v !== null) || additional === undefined) additional = v;
      } else if (k === 'nullable') {
        merged.nullable = merged.nullable === undefined ? v : merged.nullable && v;
      } else if (!['description', 'title', 'example'].includes(k)) {
        merged[k] = v;
      }
    }
  }
  if (declaresProps) merged.properties = properties;
  if (required.size) merged.required = [...required];
  if (additional !== undefined) merged.additionalProperties = additional;
  return merged;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(expected: string, v: unknown): boolean {
  const actual = typeOf(v);
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function validate(value: unknown, schemaIn: Schema, at: string, ctx: Ctx): void {
  let schema = deref(ctx.doc, schemaIn);
  if (schema.allOf) schema = mergeAllOf(ctx.doc, schema);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (value === null) {
    if (schema.nullable === true || types.includes('null')) return;
    const constrained = types.length > 0 || schema.enum || schema.properties || schema.items || schema.oneOf || schema.anyOf;
    if (constrained) ctx.errors.push(`${at}: null is not allowed`);
    return;
  }
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives) {
    // Lenient oneOf: one passing alternative is enough (the specs' alternatives can overlap).
    const tries = alternatives.map((alt) => {
      const sub: Ctx = { doc: ctx.doc, errors: [], undeclared: [] };
      validate(value, alt, at, sub);
      return sub;
    });
    const ok = tries.find((t) => t.errors.length === 0);
    if (ok) ctx.undeclared.push(...ok.undeclared);
    else ctx.errors.push(`${at}: matches none of ${alternatives.length} alternatives (first: ${tries[0]?.errors[0] ?? '?'})`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    ctx.errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (types.length > 0 && !types.some((t) => typeMatches(t, value))) {
    ctx.errors.push(`${at}: expected ${types.join('|')}, got ${typeOf(value)}`);
    return;
  }
  const t = typeOf(value);
  if (t === 'integer') {
    if (schema.format === 'int32' && ((value as number) > 2 ** 31 - 1 || (value as number) < -(2 ** 31))) ctx.errors.push(`${at}: ${String(value)} exceeds int32`);
  }
  if (t === 'integer' || t === 'number') {
    if (typeof schema.minimum === 'number' && (value as number) < schema.minimum) ctx.errors.push(`${at}: below minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && (value as number) > schema.maximum) ctx.errors.push(`${at}: above maximum ${schema.maximum}`);
  }
  if (t === 'string' && schema.format === 'date-time' && !DATE_TIME.test(value as string)) {
    ctx.errors.push(`${at}: "${String(value)}" is not an RFC 3339 date-time`);
  }
  if (t === 'array') {
    const arr = value as unknown[];
    if (typeof schema.maxItems === 'number' && arr.length > schema.maxItems) ctx.errors.push(`${at}: more than ${schema.maxItems} items`);
    if (typeof schema.minItems === 'number' && arr.length < schema.minItems) ctx.errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.items) arr.forEach((item, i) => validate(item, schema.items as Schema, `${at}[${i}]`, ctx));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!(name in obj)) ctx.errors.push(`${at}: missing required property "${name}"`);
    }
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    const additional = schema.additionalProperties;
    for (const [name, v] of Object.entries(obj)) {
      const path = `${at}.${name}`;
      if (props[name]) validate(v, props[name], path, ctx);
      else if (additional === false) ctx.errors.push(`${path}: property not allowed`);
      else if (additional && typeof additional === 'object') validate(v, additional as Schema, path, ctx);
      else if (additional === undefined && schema.properties && !alternatives) ctx.undeclared.push(path);
    }
  }
}

export function checkSchema(value: unknown, schema: Schema, doc: OpenApiDoc): SchemaCheckResult {
  const ctx: Ctx = { doc, errors: [], undeclared: [] };
  validate(value, schema, '$', ctx);
  return { errors: ctx.errors, undeclared: ctx.undeclared };
}

/** The JSON schema of an operation's response for a status (or undefined when it has no JSON body). */
export function responseSchema(doc: OpenApiDoc, template: string, method: string, status: number): { documented: boolean; schema?: Schema } {
  const op = doc.paths[template]?.[method.toLowerCase()] as { responses?: Record<string, Schema> } | undefined;
  const responses = op?.responses ?? {};
  const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (!response) return { documented: false };
  const resolved = deref(doc, response);
  const content = resolved.content as Record<string, { schema?: Schema }> | undefined;
  return { documented: true, schema: content?.['application/json']?.schema };
}
