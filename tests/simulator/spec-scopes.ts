// Reads the OpenAPI specs at runtime and answers "which operation is this request, and which
// scopes does it need" (x-atlassian-oauth2-scopes). v1 entries with state Beta are the
// granular ones; v2 lists granular scopes only. Specs are never copied into the project.
import { existsSync, readFileSync } from 'node:fs';
import { SPEC_FILES } from './paths';

export type SpecApi = 'v1' | 'v2';

export interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [k: string]: unknown;
}

interface ScopeEntry {
  scheme?: string;
  state?: string;
  scopes?: string[];
}

export interface SpecOperation {
  api: SpecApi;
  /** Upper-case HTTP method. */
  method: string;
  /** As in the spec: v1 '/wiki/rest/api/content/{id}', v2 '/pages/{id}'. */
  template: string;
  operationId?: string;
  /** Whether the operation lists x-atlassian-oauth2-scopes at all. */
  hasScopeInfo: boolean;
  /** Each entry is one sufficient set of granular scopes. */
  granularScopeSets: string[][];
  /** v1 only (state Current); v2 lists none. */
  classicScopeSets: string[][];
  /** The raw operation object (responses, parameters). */
  raw: Record<string, unknown>;
}

export interface LoadedSpec {
  api: SpecApi;
  file: string;
  doc: OpenApiDoc;
  operations: SpecOperation[];
}

export interface SpecIndex {
  specs: Partial<Record<SpecApi, LoadedSpec>>;
  /** v1 paths include '/wiki/rest/api'; v2 paths are relative to '/wiki/api/v2'. Query is ignored. */
  match(api: SpecApi, method: string, path: string): SpecOperation | undefined;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function operationsOf(api: SpecApi, doc: OpenApiDoc): SpecOperation[] {
  const ops: SpecOperation[] = [];
  for (const [template, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, value] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const op = value as Record<string, unknown>;
      const entries = op['x-atlassian-oauth2-scopes'] as ScopeEntry[] | undefined;
      const granular: string[][] = [];
      const classic: string[][] = [];
      for (const e of entries ?? []) {
        const scopes = e.scopes ?? [];
        if (api === 'v2' || e.state === 'Beta') granular.push(scopes);
        else classic.push(scopes);
      }
      ops.push({
        api,
        method: method.toUpperCase(),
        template,
        operationId: typeof op.operationId === 'string' ? op.operationId : undefined,
        hasScopeInfo: entries !== undefined,
        granularScopeSets: granular,
        classicScopeSets: classic,
        raw: op,
      });
    }
  }
  return ops;
}

function segments(path: string): string[] {
  return path.split('?')[0]!.replace(/\/+$/, '').split('/').filter((s) => s !== '');
}

/** Literal segments beat {params}; at the first difference, the literal wins. */
function specificity(template: string): boolean[] {
  return segments(template).map((s) => !/^\{.*\}$/.test(s));
}

function moreSpecific(a: boolean[], b: boolean[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] === true;
  }
  return false;
}

function templateMatches(template: string, path: string): boolean {
  const t = segments(template);
  const p = segments(path);
  if (t.length !== p.length) return false;
  return t.every((seg, i) => (/^\{.*\}$/.test(seg) ? p[i] !== '' : seg === p[i]));
}

const docCache = new Map<string, OpenApiDoc | null>();

export function readSpec(file: string): OpenApiDoc | undefined {
  if (!docCache.has(file)) {
    docCache.set(file, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as OpenApiDoc) : null);
  }
  return docCache.get(file) ?? undefined;
}

export function specsAvailable(files: Record<SpecApi, string> = SPEC_FILES): boolean {
  return existsSync(files.v1) && existsSync(files.v2);
}

export function loadSpecIndex(files: Record<SpecApi, string> = SPEC_FILES, warn: (msg: string) => void = console.warn): SpecIndex {
  const specs: Partial<Record<SpecApi, LoadedSpec>> = {};
  for (const api of ['v1', 'v2'] as const) {
    const doc = readSpec(files[api]);
    if (!doc) {
      warn(`[simulator] OpenAPI spec ${api} not found at ${files[api]}: scope checks for ${api} are skipped.`);
      continue;
    }
    specs[api] = { api, file: files[api], doc, operations: operationsOf(api, doc) };
  }
  return {
    specs,
    match(api, method, path) {
      const spec = specs[api];
      if (!spec) return undefined;
      const m = method.toUpperCase();
      let best: SpecOperation | undefined;
      for (const op of spec.operations) {
        if (op.method !== m || !templateMatches(op.template, path)) continue;
        if (!best || moreSpecific(specificity(op.template), specificity(best.template))) best = op;
      }
      return best;
    },
  };
}

/**
 * Scopes the token page does not offer, stripped from any scoped token. Empty now:
 * `read:hierarchical-content:confluence` can be granted (API-FACTS 2026-12-01, seen); kept for
 * gaps like the one `read:folder:confluence` once had.
 */
export const NEVER_GRANTED_TO_SCOPED_TOKENS: readonly string[] = [];

/** On the gateway, v1 takes the classic or the granular sets; v2 only granular (API-FACTS, seen). */
export const ACCEPTS_CLASSIC_SCOPES: Readonly<Record<SpecApi, boolean>> = { v1: true, v2: false };

/** The scope sets a scoped token may satisfy for this operation, each one sufficient. */
export function acceptedScopeSets(op: SpecOperation): string[][] {
  return ACCEPTS_CLASSIC_SCOPES[op.api] ? [...op.granularScopeSets, ...op.classicScopeSets] : op.granularScopeSets;
}

/** True when the held scopes cover one of the operation's accepted sets. */
export function scopesSatisfy(
  op: SpecOperation,
  held: readonly string[],
  withoutAcceptedFails: boolean,
  neverGranted: readonly string[] = NEVER_GRANTED_TO_SCOPED_TOKENS,
): boolean {
  if (!op.hasScopeInfo) return true;
  const sets = acceptedScopeSets(op);
  if (sets.length === 0) return !withoutAcceptedFails;
  const usable = new Set(held.filter((s) => !neverGranted.includes(s)));
  return sets.some((set) => set.every((s) => usable.has(s)));
}
