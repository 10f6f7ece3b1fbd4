import { describe, expect, it } from 'vitest';
import { MAX_LINK_CHARS, MAX_LIST_ITEMS, MAX_TEXT_CHARS } from './bounds';
import { attachmentsPageSchema, contentListSchema, contentSchema, descendantsPageSchema, pageSchema, spacesPageSchema, userSchema, watchStatusSchema } from './index';

describe('response schemas', () => {
  it('watch status: Cloud object and Data Center bare boolean both become { watching }', () => {
    expect(watchStatusSchema.parse({ watching: true })).toEqual({ watching: true });
    expect(watchStatusSchema.parse(false)).toEqual({ watching: false });
    expect(watchStatusSchema.safeParse({ watching: 'yes' }).success).toBe(false);
    expect(watchStatusSchema.safeParse(null).success).toBe(false);
  });

  it('user: Cloud and DC shapes; an unexpected type still parses (the anonymous check judges it)', () => {
    expect(userSchema.parse({ type: 'known', accountId: 'a1', email: '', displayName: null }).accountId).toBe('a1');
    expect(userSchema.parse({ type: 'known', username: 'ada', userKey: 'k' }).username).toBe('ada');
    expect(userSchema.parse({ type: 'something-new' }).type).toBe('something-new');
    expect(userSchema.safeParse({ accountId: 'a1' }).success).toBe(false);
  });

  it('v1 content with expansions', () => {
    const c = contentSchema.parse({
      id: '123',
      type: 'page',
      status: 'current',
      title: 'Hello',
      space: { id: 98305, key: 'ENG', name: 'Engineering' },
      version: { number: 3, when: '2025-01-01T00:00:00.000Z' },
      body: { storage: { value: '<p>x</p>', representation: 'storage' }, _expandable: { view: '' } },
      ancestors: [{ id: '1', type: 'page', title: 'Root' }],
      metadata: { labels: { results: [{ prefix: 'global', name: 'a', id: '9' }] } },
      _links: { webui: '/spaces/ENG/pages/123/Hello', base: 'https://acme.atlassian.net/wiki' },
    });
    expect(c.body?.storage?.value).toBe('<p>x</p>');
    expect(contentSchema.safeParse({ type: 'page' }).success).toBe(false);
  });

  it('v2 page and attachments page', () => {
    expect(pageSchema.parse({ id: '1', title: 'T', parentId: null, body: { storage: { value: '', representation: 'storage' } } }).id).toBe('1');
    const page = attachmentsPageSchema.parse({
      results: [{ id: 'att1', title: 'a.png', fileSize: 10, mediaType: 'image/png', downloadLink: '/download/attachments/1/a.png' }],
      _links: { next: '/wiki/api/v2/pages/1/attachments?cursor=c' },
    });
    expect(page.results[0]?.title).toBe('a.png');
    expect(attachmentsPageSchema.safeParse({ results: [{ id: 1 }] }).success).toBe(false);
  });

  describe('bounds (schemas/bounds.ts): what is kept or shown is never unbounded', () => {
    const long = (n: number) => 'x'.repeat(n);

    it('user: every string the identity keeps or shows is at most MAX_TEXT_CHARS', () => {
      const user = { type: 'known', accountId: 'a1', displayName: 'Ada', publicName: 'ada', email: 'a@example.com' };
      expect(userSchema.safeParse({ ...user, displayName: long(MAX_TEXT_CHARS) }).success).toBe(true);
      for (const field of ['displayName', 'publicName', 'email', 'accountId', 'type', 'username', 'userKey', 'timeZone', 'accountType']) {
        const parsed = userSchema.safeParse({ ...user, [field]: long(MAX_TEXT_CHARS + 1) });
        expect(parsed.success, field).toBe(false);
        if (!parsed.success) expect(parsed.error.issues[0]?.code).toBe('too_big');
      }
      expect(userSchema.safeParse({ ...user, profilePicture: { path: long(MAX_LINK_CHARS + 1) } }).success).toBe(false);
    });

    it('content: titles, labels, ancestors and links are bounded', () => {
      const base = { id: '1', type: 'page' };
      expect(contentSchema.safeParse({ ...base, title: long(MAX_TEXT_CHARS + 1) }).success).toBe(false);
      expect(contentSchema.safeParse({ ...base, metadata: { labels: { results: [{ name: long(MAX_TEXT_CHARS + 1) }] } } }).success).toBe(false);
      const labels = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => ({ name: `l${i}` }));
      expect(contentSchema.safeParse({ ...base, metadata: { labels: { results: labels } } }).success).toBe(false);
      expect(contentSchema.safeParse({ ...base, metadata: { labels: { results: labels.slice(1) } } }).success).toBe(true);
      expect(contentSchema.safeParse({ ...base, ancestors: Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => ({ id: String(i) })) }).success).toBe(false);
      expect(contentSchema.safeParse({ ...base, _links: { webui: long(MAX_LINK_CHARS + 1) } }).success).toBe(false);
      expect(contentSchema.safeParse({ ...base, _links: { webui: long(MAX_LINK_CHARS) } }).success).toBe(true);
    });

    it('lists of results are bounded', () => {
      const many = <T>(item: (i: number) => T) => Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => item(i));
      expect(contentListSchema.safeParse({ results: many((i) => ({ id: String(i), type: 'page' })) }).success).toBe(false);
      expect(descendantsPageSchema.safeParse({ results: many((i) => ({ id: String(i) })) }).success).toBe(false);
      expect(spacesPageSchema.safeParse({ results: many((i) => ({ id: String(i), key: `K${i}`, name: 'n' })) }).success).toBe(false);
      expect(attachmentsPageSchema.safeParse({ results: many((i) => ({ id: String(i), title: 't' })) }).success).toBe(false);
    });

    it('page and attachment titles, space names are bounded; page bodies are bounded by the answer size instead', () => {
      expect(pageSchema.safeParse({ id: '1', title: long(MAX_TEXT_CHARS + 1) }).success).toBe(false);
      expect(pageSchema.safeParse({ id: '1', title: 'T', body: { storage: { value: long(3 * MAX_LINK_CHARS) } } }).success).toBe(true);
      expect(attachmentsPageSchema.safeParse({ results: [{ id: 'a', title: long(MAX_TEXT_CHARS + 1) }] }).success).toBe(false);
      expect(spacesPageSchema.safeParse({ results: [{ id: '1', key: 'K', name: long(MAX_TEXT_CHARS + 1) }] }).success).toBe(false);
    });
  });
});
