import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as messages from './messages';

const HOST = 'acme.atlassian.net';
const context = { kind: 'content', host: HOST, contentId: '6180601871', contentType: 'page', view: 'view', spaceKey: 'ENG' };
const pageSeen = { type: 'page-seen', host: HOST, context };

describe('page-seen schema', () => {
  it('accepts content and other Confluence pages', () => {
    expect(z.safeParse(messages.pageSeen.input, pageSeen).success).toBe(true);
    const other = { kind: 'confluence-other', host: HOST, spaceKey: null, contentIdUnresolved: false };
    expect(z.safeParse(messages.pageSeen.input, { ...pageSeen, context: other }).success).toBe(true);
    expect(z.safeParse(messages.pageSeen.input, { ...pageSeen, context: { ...context, contentId: '9223372036854775807' } }).success).toBe(true);
  });

  it.each([
    ['a wrong type', { ...pageSeen, type: 'page_seen' }],
    ['a non-Atlassian host', { ...pageSeen, host: 'example.com', context: { ...context, host: 'example.com' } }],
    ['a context for another host', { ...pageSeen, context: { ...context, host: 'other.atlassian.net' } }],
    ['a numeric content id', { ...pageSeen, context: { ...context, contentId: 6180601871 } }],
    ['a content id with leading zero', { ...pageSeen, context: { ...context, contentId: '0123' } }],
    ['a content id above a long', { ...pageSeen, context: { ...context, contentId: '9223372036854775808' } }],
    ['an unknown content type', { ...pageSeen, context: { ...context, contentType: 'comment' } }],
    ['an unknown view', { ...pageSeen, context: { ...context, view: 'print' } }],
    ['a space key with a slash', { ...pageSeen, context: { ...context, spaceKey: 'A/B' } }],
    ['an unknown kind', { ...pageSeen, context: { ...context, kind: 'jira' } }],
    ['extra fields (e.g. a URL to fetch)', { ...pageSeen, url: 'https://evil.example/' }],
    ['extra context fields', { ...pageSeen, context: { ...context, method: 'DELETE' } }],
    ['a missing context', { type: 'page-seen', host: HOST }],
    ['not an object', 'page-seen'],
  ])('rejects %s', (_name, message) => {
    expect(z.safeParse(messages.pageSeen.input, message).success).toBe(false);
  });
});

describe('cloud-id-result schema', () => {
  it('accepts a body or a reason', () => {
    expect(z.safeParse(messages.cloudIdResult.input, { type: 'cloud-id-result', host: HOST, ok: true, bodyText: '{}' }).success).toBe(true);
    expect(z.safeParse(messages.cloudIdResult.input, { type: 'cloud-id-result', host: HOST, ok: false, reason: 'HTTP 404' }).success).toBe(true);
  });

  it.each([
    ['a body above 2 KB', { type: 'cloud-id-result', host: HOST, ok: true, bodyText: 'x'.repeat(2049) }],
    ['a failure without reason', { type: 'cloud-id-result', host: HOST, ok: false, reason: '' }],
    ['a long reason', { type: 'cloud-id-result', host: HOST, ok: false, reason: 'x'.repeat(201) }],
    ['success with a reason instead of a body', { type: 'cloud-id-result', host: HOST, ok: true, reason: 'x' }],
    ['a cloudId named by the content script', { type: 'cloud-id-result', host: HOST, ok: true, bodyText: '{}', cloudId: 'x' }],
    ['a bad host', { type: 'cloud-id-result', host: 'acme.atlassian.net/evil', ok: false, reason: 'x' }],
    ['ok as a string', { type: 'cloud-id-result', host: HOST, ok: 'true', bodyText: '{}' }],
  ])('rejects %s', (_name, message) => {
    expect(z.safeParse(messages.cloudIdResult.input, message).success).toBe(false);
  });
});

describe('popup message schemas', () => {
  it('get-tab-state takes a non-negative integer tab id', () => {
    expect(z.safeParse(messages.getTabState.input, { type: 'get-tab-state', tabId: 3 }).success).toBe(true);
    for (const tabId of [-1, 1.5, '3', null, Number.NaN]) {
      expect(z.safeParse(messages.getTabState.input, { type: 'get-tab-state', tabId }).success, String(tabId)).toBe(false);
    }
    expect(z.safeParse(messages.getTabState.input, { type: 'get-tab-state' }).success).toBe(false);
  });

  it('list-sites takes nothing else', () => {
    expect(z.safeParse(messages.listSites.input, { type: 'list-sites' }).success).toBe(true);
    expect(z.safeParse(messages.listSites.input, { type: 'list-sites', host: HOST }).success).toBe(false);
  });
});

describe('content ids', () => {
  it.each(['x/1', 'https://evil.example/5', '1e5', ' 1'])('refuses %j without throwing', (contentId) => {
    const message = { type: 'page-seen', host: HOST, context: { ...context, contentId } };
    expect(() => z.safeParse(messages.pageSeen.input, message)).not.toThrow();
    expect(z.safeParse(messages.pageSeen.input, message).success).toBe(false);
  });
});
