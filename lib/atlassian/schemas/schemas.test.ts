import { describe, expect, it } from 'vitest';
import { attachmentsPageSchema, contentSchema, pageSchema, userSchema, watchStatusSchema } from './index';

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
});
