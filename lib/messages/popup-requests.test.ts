import { describe, expect, it } from 'vitest';
import { BackgroundRequestError, requestSiteList, requestTabState, tabIdFromSearch } from './popup-requests';

const tabState = {
  tabId: 3,
  host: 'acme.atlassian.net',
  context: null,
  site: null,
  cloudId: { state: 'unknown', sentence: 'Not read yet.', cloudId: null, fetchedAt: null, retryAt: null },
};

describe('popup requests', () => {
  it('sends get-tab-state and returns the validated state', async () => {
    const sent: unknown[] = [];
    const state = await requestTabState(async (m) => {
      sent.push(m);
      return { ok: true, data: tabState };
    }, 3);
    expect(sent).toEqual([{ type: 'get-tab-state', tabId: 3 }]);
    expect(state).toEqual(tabState);
  });

  it('passes on the background’s error', async () => {
    const error = requestSiteList(async () => ({ ok: false, error: { code: 'unauthorised-sender', message: 'Not from an extension page.' } }));
    await expect(error).rejects.toEqual(new BackgroundRequestError('unauthorised-sender', 'Not from an extension page.'));
  });

  it('refuses replies that do not match the schema', async () => {
    await expect(requestTabState(async () => ({ ok: true, data: { ...tabState, host: 'example.com' } }), 3)).rejects.toMatchObject({
      code: 'invalid-reply',
    });
    await expect(requestSiteList(async () => undefined)).rejects.toMatchObject({ code: 'invalid-reply' });
    await expect(requestSiteList(async () => ({ ok: true, data: { sites: [{ host: 'acme.atlassian.net' }] } }))).rejects.toMatchObject({
      code: 'invalid-reply',
    });
  });

  it('reports a background that does not answer', async () => {
    await expect(requestSiteList(async () => Promise.reject(new Error('Receiving end does not exist.')))).rejects.toMatchObject({
      code: 'no-reply',
    });
  });
});

describe('tabIdFromSearch', () => {
  it('reads ?tabId=N and nothing else', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tabId=0')).toBe(0);
    expect(tabIdFromSearch('?tabId=1152428140')).toBe(1152428140);
    for (const search of ['', '?tabId=', '?tabId=-1', '?tabId=1.5', '?tabId=abc', '?tabId=1e3', '?tabId=1234567890123456']) {
      expect(tabIdFromSearch(search), search).toBeNull();
    }
  });
});
