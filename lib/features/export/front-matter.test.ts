import { describe, expect, it } from 'vitest';
import { frontMatter, yamlString } from './front-matter';

describe('yamlString', () => {
  it('quotes and escapes', () => {
    expect(yamlString('a: "b" \\ c')).toBe('"a: \\"b\\" \\\\ c"');
    expect(yamlString('line\nnext\ttab')).toBe('"line\\nnext\\ttab"');
    expect(yamlString('- # yes')).toBe('"- # yes"');
    expect(yamlString('\u0007\u2028')).toBe('"\\x07\\u2028"');
    expect(yamlString('Ünïcødé 日本 🎉')).toBe('"Ünïcødé 日本 🎉"');
  });
});

describe('frontMatter', () => {
  it('writes every field', () => {
    expect(
      frontMatter({
        title: 'Release: 1.0 "final"',
        id: '123456789012345678',
        space: { key: 'DOC', name: 'Docs & more' },
        version: 7,
        author: { displayName: 'Ada', accountId: '5b10:abc' },
        created: '2024-01-01T10:00:00.000Z',
        updated: '2024-02-01T10:00:00.000Z',
        labels: ['a', '-b'],
        url: 'https://example.atlassian.net/wiki/spaces/DOC/pages/123456789012345678',
        statuses: [{ title: 'DONE', colour: 'Green' }],
      }),
    ).toBe(
      [
        '---',
        'title: "Release: 1.0 \\"final\\""',
        'id: "123456789012345678"',
        'space:',
        '  key: "DOC"',
        '  name: "Docs & more"',
        'version: 7',
        'author:',
        '  name: "Ada"',
        '  accountId: "5b10:abc"',
        'created: "2024-01-01T10:00:00.000Z"',
        'updated: "2024-02-01T10:00:00.000Z"',
        'labels:',
        '  - "a"',
        '  - "-b"',
        'source: "https://example.atlassian.net/wiki/spaces/DOC/pages/123456789012345678"',
        'statuses:',
        '  - title: "DONE"',
        '    colour: "Green"',
        '---',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes only what it is given, and empty labels as []', () => {
    expect(frontMatter({ title: '#1', id: '1', labels: [] })).toBe('---\ntitle: "#1"\nid: "1"\nlabels: []\n---\n\n');
  });

  it('refuses the API gateway as the source URL', () => {
    expect(() => frontMatter({ title: 't', id: '1', url: 'https://api.atlassian.com/ex/confluence/abc/wiki/pages/1' })).toThrow(/gateway/);
  });
});
