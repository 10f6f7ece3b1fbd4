// The validator must be able to fail, or the conformance test proves nothing.
import { describe, expect, it } from 'vitest';
import { checkSchema, responseSchema, type Schema } from './schema-check';
import { OPENAPI_DIR } from './paths';
import { loadSpecIndex, specsAvailable, type OpenApiDoc } from './spec-scopes';

const doc: OpenApiDoc = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { description: 'missing', content: {} },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'kind'],
        properties: {
          id: { type: 'string' },
          kind: { type: 'string', enum: ['a', 'b'] },
          count: { type: 'integer', format: 'int32', minimum: 0 },
          when: { type: 'string', format: 'date-time' },
          parent: { $ref: '#/components/schemas/Thing' },
          note: { type: 'string', nullable: true },
          tags: { type: 'array', maxItems: 2, items: { type: 'string' } },
          links: { type: 'object', additionalProperties: { type: 'string' } },
          either: { oneOf: [{ type: 'string' }, { type: 'object', properties: { x: { type: 'integer' } } }] },
          closed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
        },
      },
      WithBase: {
        allOf: [
          { $ref: '#/components/schemas/Thing' },
          { type: 'object', properties: { _links: { type: 'object', properties: { base: { type: 'string' } } } } },
        ],
      },
    },
  },
};

const thing: Schema = { $ref: '#/components/schemas/Thing' };

describe('checkSchema', () => {
  it('accepts a valid value', () => {
    const r = checkSchema({ id: '1', kind: 'a', count: 3, when: '2024-01-02T03:04:05.678Z', note: null, tags: ['x'], links: { self: '/x' }, either: { x: 1 }, closed: { a: 'z' } }, thing, doc);
    expect(r).toEqual({ errors: [], undeclared: [] });
  });

  it('reports missing required properties, wrong types, enums and formats', () => {
    const r = checkSchema({ id: 1, count: -1, when: 'yesterday', tags: ['a', 'b', 'c'] }, thing, doc);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        '$: missing required property "kind"',
        '$.id: expected string, got integer',
        '$.count: below minimum 0',
        '$.when: "yesterday" is not an RFC 3339 date-time',
        '$.tags: more than 2 items',
      ]),
    );
    expect(checkSchema({ id: '1', kind: 'c' }, thing, doc).errors).toEqual(['$.kind: "c" is not one of ["a","b"]']);
    expect(checkSchema({ id: '1', kind: 'a', count: 2 ** 31 }, thing, doc).errors).toEqual(['$.count: 2147483648 exceeds int32']);
  });

  it('follows $ref recursively, rejects null unless nullable, and checks additionalProperties', () => {
    expect(checkSchema({ id: '1', kind: 'a', parent: { id: '2' } }, thing, doc).errors).toEqual(['$.parent: missing required property "kind"']);
    expect(checkSchema({ id: null, kind: 'a' }, thing, doc).errors).toEqual(['$.id: null is not allowed']);
    expect(checkSchema({ id: '1', kind: 'a', links: { self: 3 } }, thing, doc).errors).toEqual(['$.links.self: expected string, got integer']);
    expect(checkSchema({ id: '1', kind: 'a', closed: { b: 'x' } }, thing, doc).errors).toEqual(['$.closed.b: property not allowed']);
    expect(checkSchema({ id: '1', kind: 'a', either: true }, thing, doc).errors).toHaveLength(1);
  });

  it('lists undeclared properties, merging allOf branches first', () => {
    expect(checkSchema({ id: '1', kind: 'a', titel: 'typo' }, thing, doc).undeclared).toEqual(['$.titel']);
    const merged = checkSchema({ id: '1', kind: 'a', _links: { base: 'https://x', webui: '/y' } }, { $ref: '#/components/schemas/WithBase' }, doc);
    expect(merged.errors).toEqual([]);
    expect(merged.undeclared).toEqual(['$._links.webui']);
  });

  it('finds response schemas by operation and status', () => {
    expect(responseSchema(doc, '/things/{id}', 'GET', 200).schema).toEqual(thing);
    expect(responseSchema(doc, '/things/{id}', 'GET', 404)).toEqual({ documented: true, schema: undefined });
    expect(responseSchema(doc, '/things/{id}', 'GET', 500).documented).toBe(false);
  });
});

describe.skipIf(!specsAvailable())(`checkSchema against the real specs${specsAvailable() ? '' : ` (SKIPPED: no specs in ${OPENAPI_DIR})`}`, () => {
  it('rejects broken Confluence shapes', () => {
    const specs = loadSpecIndex();
    const v1 = specs.specs.v1!.doc;
    const v2 = specs.specs.v2!.doc;
    const content = responseSchema(v1, '/wiki/rest/api/content/{id}', 'GET', 200).schema!;
    expect(checkSchema({ id: '1', type: 'page' }, content, v1).errors).toContain('$: missing required property "status"');
    const user = responseSchema(v1, '/wiki/rest/api/user/current', 'GET', 200).schema!;
    expect(checkSchema({ type: 'robot' }, user, v1).errors).toHaveLength(1);
    const page = responseSchema(v2, '/pages/{id}', 'GET', 200).schema!;
    expect(checkSchema({ id: 1, status: 'current' }, page, v2).errors).toEqual(['$.id: expected string, got integer']);
    expect(checkSchema({ id: '1', status: 'gone' }, page, v2).errors).toHaveLength(1);
    expect(checkSchema({ id: '1', _links: { base: 'https://x/wiki', webui: '/spaces/X' } }, page, v2)).toEqual({ errors: [], undeclared: [] });
  });
});
