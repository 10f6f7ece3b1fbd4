import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OperationDefinition } from '../operations';
import {
  GENERATED_FILE,
  REGENERATE_COMMAND,
  deriveOperationScopes,
  generateScopeTableSource,
  readSpecs,
  SpecsMissingError,
  specDirFrom,
  specsPresent,
  type Specs,
} from './generate-scope-table';

const specDir = specDirFrom();

describe('committed scope table', () => {
  it('matches what the generator derives from the specs now', (ctx) => {
    if (!specsPresent(specDir)) {
      const why = `OpenAPI specs not found in ${specDir}; cannot check scope-table.generated.ts`;
      if (process.env.CI === 'true') throw new Error(`${why} (required in CI)`);
      ctx.skip(why);
    }
    const committed = readFileSync(GENERATED_FILE, 'utf8');
    expect(committed, `scope-table.generated.ts is out of date: run ${REGENERATE_COMMAND}`).toBe(
      generateScopeTableSource(specDir),
    );
  });

  it('says it is generated, from which specs, and how to regenerate', () => {
    const head = readFileSync(GENERATED_FILE, 'utf8').split('\n').slice(0, 8).join('\n');
    expect(head).toContain('GENERATED FILE');
    expect(head).toContain('confluence-v1.json');
    expect(head).toContain('confluence-v2.json');
    expect(head).toContain(REGENERATE_COMMAND);
  });
});

describe('deriving scopes', () => {
  const specs: Specs = {
    v1: {
      paths: {
        '/wiki/rest/api/thing/{id}': {
          get: {
            operationId: 'getThing',
            'x-atlassian-oauth2-scopes': [
              { scheme: 'oAuthDefinitions', state: 'Current', scopes: ['read:confluence-thing'] },
              { scheme: 'oAuthDefinitions', state: 'Beta', scopes: ['read:thing:confluence', 'read:a:confluence'] },
            ],
          },
        },
      },
    },
    v2: {
      paths: {
        '/things/{id}': {
          get: {
            operationId: 'getThingV2',
            'x-atlassian-oauth2-scopes': [{ scheme: 'oAuthDefinitions', state: 'Current', scopes: ['read:thing:confluence'] }],
          },
          delete: { operationId: 'noScopes' },
        },
      },
    },
  };
  const op = (o: Partial<OperationDefinition>): OperationDefinition => ({
    id: 'x',
    api: 'v1',
    method: 'GET',
    specPath: '/wiki/rest/api/thing/{id}',
    feature: 'export',
    response: 'json',
    idempotent: true,
    ...o,
  });

  it('v1: Current are classic, Beta are granular (sorted)', () => {
    expect(deriveOperationScopes(specs, op({}))).toEqual({
      specOperationId: 'getThing',
      classic: ['read:confluence-thing'],
      granular: ['read:a:confluence', 'read:thing:confluence'],
    });
  });

  it('v2: every scope is granular even though it says Current', () => {
    expect(deriveOperationScopes(specs, op({ api: 'v2', specPath: '/things/{id}' }))).toEqual({
      specOperationId: 'getThingV2',
      classic: [],
      granular: ['read:thing:confluence'],
    });
  });

  it('fails loudly when an operation is not in the spec or has no scopes', () => {
    expect(() => deriveOperationScopes(specs, op({ specPath: '/wiki/rest/api/nope' }))).toThrow(/not in the v1 spec/);
    expect(() => deriveOperationScopes(specs, op({ method: 'POST' }))).toThrow(/POST .* not in the v1 spec/);
    expect(() => deriveOperationScopes(specs, op({ api: 'v2', specPath: '/things/{id}', method: 'DELETE' }))).toThrow(
      /no x-atlassian-oauth2-scopes/,
    );
  });

  it('refuses operations of APIs no Confluence spec describes (Jira, the Data Center servlet)', () => {
    expect(() => deriveOperationScopes(specs, op({ api: 'dc-servlet', specPath: '/download/attachments/{downloadLink}' }))).toThrow(/in no Confluence spec/);
    expect(() => deriveOperationScopes(specs, op({ api: 'jira', specPath: '/rest/api/3/myself' }))).toThrow(/in no Confluence spec/);
  });

  it('reports missing spec files by name', () => {
    expect(() => readSpecs('/nonexistent/openapi')).toThrow(SpecsMissingError);
    expect(() => readSpecs('/nonexistent/openapi')).toThrow(/confluence-v1\.json, confluence-v2\.json/);
  });
});
