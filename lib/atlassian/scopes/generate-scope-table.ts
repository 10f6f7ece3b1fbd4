/**
 * Derives the scopes of every operation in operations.ts from Atlassian's OpenAPI specs and
 * writes scope-table.generated.ts. Typed by hand, such a table drifts from what Atlassian
 * actually checks; derived, it is one command away from the spec.
 *
 *   npx tsx lib/atlassian/scopes/generate-scope-table.ts [--spec-dir DIR] [--check]
 *
 * The specs are read from `../shared/atlassian/openapi` relative to the project root (never
 * copied into the project); `--spec-dir` or ATLASSIAN_OPENAPI_DIR points elsewhere.
 * `--check` writes nothing and exits 1 when the committed table is out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OPERATIONS, type OperationDefinition } from '../operations';

export const SPEC_FILES = { v1: 'confluence-v1.json', v2: 'confluence-v2.json' } as const;

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_SPEC_DIR = resolve(PROJECT_ROOT, '../shared/atlassian/openapi');
export const GENERATED_FILE = fileURLToPath(new URL('./scope-table.generated.ts', import.meta.url));
export const REGENERATE_COMMAND = 'npx tsx lib/atlassian/scopes/generate-scope-table.ts';

/** The slice of an OpenAPI document the generator reads. */
export interface OpenApiSpec {
  info?: { title?: string; version?: string };
  paths: Record<string, Record<string, unknown>>;
}

export interface Specs {
  v1: OpenApiSpec;
  v2: OpenApiSpec;
}

export interface DerivedScopes {
  specOperationId: string;
  classic: string[];
  granular: string[];
}

export class SpecsMissingError extends Error {
  constructor(readonly specDir: string, readonly missing: string[]) {
    super(`OpenAPI specs not found in ${specDir}: ${missing.join(', ')}`);
    this.name = 'SpecsMissingError';
  }
}

export function specDirFrom(override?: string): string {
  return resolve(override ?? process.env.ATLASSIAN_OPENAPI_DIR ?? DEFAULT_SPEC_DIR);
}

export function specsPresent(specDir: string): boolean {
  return Object.values(SPEC_FILES).every((f) => existsSync(resolve(specDir, f)));
}

export function readSpecs(specDir: string): Specs {
  const missing = Object.values(SPEC_FILES).filter((f) => !existsSync(resolve(specDir, f)));
  if (missing.length > 0) throw new SpecsMissingError(specDir, missing);
  const read = (file: string) => JSON.parse(readFileSync(resolve(specDir, file), 'utf8')) as OpenApiSpec;
  return { v1: read(SPEC_FILES.v1), v2: read(SPEC_FILES.v2) };
}

interface ScopeEntry {
  state?: unknown;
  scopes?: unknown;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * v1 marks classic scopes `state: Current` and granular ones `state: Beta`. v2 has granular
 * scopes only, even though it labels them `Current`: a token with only classic scopes fails v2.
 */
export function deriveOperationScopes(specs: Specs, op: OperationDefinition): DerivedScopes {
  if (op.api !== 'v1' && op.api !== 'v2') throw new Error(`${op.id}: ${op.api} operations are in no Confluence spec`);
  const spec = op.api === 'v1' ? specs.v1 : specs.v2;
  const pathItem = spec.paths[op.specPath];
  if (!pathItem) throw new Error(`${op.id}: path ${op.specPath} is not in the ${op.api} spec`);
  const specOp = pathItem[op.method.toLowerCase()] as
    | { operationId?: string; 'x-atlassian-oauth2-scopes'?: ScopeEntry[] }
    | undefined;
  if (!specOp) throw new Error(`${op.id}: ${op.method} ${op.specPath} is not in the ${op.api} spec`);
  const entries = specOp['x-atlassian-oauth2-scopes'];
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new Error(`${op.id}: ${op.method} ${op.specPath} lists no x-atlassian-oauth2-scopes`);
  }
  const classic: string[] = [];
  const granular: string[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry.scopes) || !entry.scopes.every((s) => typeof s === 'string')) {
      throw new Error(`${op.id}: malformed x-atlassian-oauth2-scopes entry`);
    }
    const scopes = entry.scopes as string[];
    if (op.api === 'v2') granular.push(...scopes);
    else if (entry.state === 'Current') classic.push(...scopes);
    else if (entry.state === 'Beta') granular.push(...scopes);
    else throw new Error(`${op.id}: unknown scope state ${JSON.stringify(entry.state)}`);
  }
  return {
    specOperationId: specOp.operationId ?? '',
    classic: sortedUnique(classic),
    granular: sortedUnique(granular),
  };
}

export function deriveScopeTable(
  specs: Specs,
  operations: Record<string, OperationDefinition> = OPERATIONS,
): Record<string, DerivedScopes> {
  const table: Record<string, DerivedScopes> = {};
  // Only v1 and v2 are in Confluence's specs: Jira's scopes live in jira-scopes.ts, and Data
  // Center's servlet download is in no spec (PATs have no scopes).
  for (const [id, op] of Object.entries(operations)) if (op.api === 'v1' || op.api === 'v2') table[id] = deriveOperationScopes(specs, op);
  return table;
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (values: string[]) => `[${values.map(quote).join(', ')}]`;

function describeSpec(file: string, spec: OpenApiSpec): string {
  return `${file} (${spec.info?.title ?? 'untitled'}, version ${spec.info?.version ?? 'unknown'})`;
}

export function renderScopeTable(specs: Specs, table: Record<string, DerivedScopes>): string {
  const rows = Object.entries(table).map(
    ([id, s]) =>
      `  ${id}: {\n` +
      `    specOperationId: ${quote(s.specOperationId)},\n` +
      `    classic: ${list(s.classic)},\n` +
      `    granular: ${list(s.granular)},\n` +
      `  },\n`,
  );
  return (
    `// GENERATED FILE, do not edit by hand.\n` +
    `// Generated by lib/atlassian/scopes/generate-scope-table.ts from Atlassian's OpenAPI specs in\n` +
    `// ../shared/atlassian/openapi (relative to the project root):\n` +
    `//   ${describeSpec(SPEC_FILES.v1, specs.v1)}\n` +
    `//   ${describeSpec(SPEC_FILES.v2, specs.v2)}\n` +
    `// Regenerate after changing operations.ts or the specs: ${REGENERATE_COMMAND}\n` +
    `// A test fails when this file is out of date.\n` +
    `import type { ConfluenceOperationId } from '../operations';\n` +
    `\n` +
    `export interface GeneratedOperationScopes {\n` +
    `  /** The operationId in Atlassian's spec. */\n` +
    `  readonly specOperationId: string;\n` +
    `  /** Classic scopes (v1 \`state: Current\`); empty for v2, which accepts granular scopes only. */\n` +
    `  readonly classic: readonly string[];\n` +
    `  /** Granular scopes (v1 \`state: Beta\`, every v2 scope). */\n` +
    `  readonly granular: readonly string[];\n` +
    `}\n` +
    `\n` +
    `export const SCOPE_TABLE: Readonly<Record<ConfluenceOperationId, GeneratedOperationScopes>> = {\n` +
    rows.join('') +
    `};\n`
  );
}

/** The full text of scope-table.generated.ts for the specs in `specDir`. */
export function generateScopeTableSource(specDir: string = specDirFrom()): string {
  const specs = readSpecs(specDir);
  return renderScopeTable(specs, deriveScopeTable(specs));
}

function main(argv: string[]): number {
  const dirFlag = argv.indexOf('--spec-dir');
  const specDir = specDirFrom(dirFlag >= 0 ? argv[dirFlag + 1] : undefined);
  let source: string;
  try {
    source = generateScopeTableSource(specDir);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  if (argv.includes('--check')) {
    const current = existsSync(GENERATED_FILE) ? readFileSync(GENERATED_FILE, 'utf8') : '';
    if (current === source) return 0;
    console.error(`${GENERATED_FILE} is out of date; run: ${REGENERATE_COMMAND}`);
    return 1;
  }
  writeFileSync(GENERATED_FILE, source);
  console.log(`Wrote ${GENERATED_FILE} from ${specDir}`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
