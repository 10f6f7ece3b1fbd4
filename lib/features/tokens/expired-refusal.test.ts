import { describe, expect, it } from 'vitest';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../testing/background';
import { expiredRefusal } from './expired-refusal';

const HOST = 'acme.atlassian.net';
const PAGE_URL = `https://${HOST}/wiki/spaces/ENG/pages/6180601871/Release+notes`;
const SECRET = 'fake-secret-alpha-0123456789abcdefghij-AAAA';
const SENTENCE = '“Work” expired on 2025-06-08: create a new token and replace this one.';

describe('expiredRefusal', () => {
  it('refuses a token only once its expiry day is over', () => {
    const token = { label: 'Work', expiresOn: '2025-06-08' };
    expect(expiredRefusal(token, '2025-06-07')).toBeUndefined();
    expect(expiredRefusal(token, '2025-06-08')).toBeUndefined();
    expect(expiredRefusal(token, '2025-06-09')).toMatchObject({ class: 'expired', message: SENTENCE });
    expect(expiredRefusal({ label: 'Work' }, '2030-01-01')).toBeUndefined();
  });
});

describe('an expired token is refused before the network', () => {
  async function withExpiredToken() {
    const bg = createTestBackground(); // no scripted answers: any call would fail the test
    const added = (await bg.route(
      { type: 'tokens-add', input: { label: 'Work', kind: 'classic', email: 'ada@example.com', secret: SECRET, expiresOn: '2025-06-08', sites: [HOST] } },
      OPTIONS_PAGE,
    )) as { ok: boolean; data: { ok: boolean; token: { id: string } } };
    expect(added.data.ok).toBe(true);
    bg.openTab(7, PAGE_URL);
    bg.advance(Date.UTC(2025, 5, 9, 12) - Date.UTC(2025, 0, 6, 9)); // to 2025-06-09, the day after the expiry date
    return { bg, id: added.data.token.id };
  }

  it('for a token check', async () => {
    const { bg, id } = await withExpiredToken();
    const reply = await bg.route({ type: 'tokens-check', id }, OPTIONS_PAGE);
    expect(reply).toMatchObject({ ok: false, error: { code: 'rejected', message: SENTENCE } });
    expect(bg.calls).toEqual([]);
    expect(bg.logged).toEqual([]);
  });

  it('for a page action', async () => {
    const { bg } = await withExpiredToken();
    const reply = await bg.route({ type: 'action-run', action: 'watch-status', tabId: 7 }, POPUP);
    expect(reply).toMatchObject({ ok: true, data: { ok: false, failure: { class: 'expired', message: SENTENCE } } });
    expect(bg.calls).toEqual([]);
    expect(bg.logged).toEqual([]);
  });
});
