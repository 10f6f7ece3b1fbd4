import { describe, expect, it } from 'vitest';
import { requestAction } from './action-requests';
import { requestActivity, requestClearActivity } from './activity-requests';
import { BackgroundRequestError, requestCheckToken, requestTokens } from './token-requests';
import { requestAddToken, requestUpdateToken } from './token-write-requests';
import { requestLock, requestUnlock, requestVaultState } from './vault-requests';

const SECRET = 'fake-secret-alpha-0123456789abcdefghij-AAAA';
const summary = {
  id: 'a1b2',
  label: 'Work',
  email: 'ada@example.com',
  kind: 'auto',
  secretHint: '…AAAA',
  detected: [{ site: 'acme.atlassian.net', kind: 'scoped', checkedAt: '2025-03-10T11:00:00.000Z', identity: { accountId: 'x1' } }],
  mismatch: [],
  expiresOn: '2025-06-08',
  createdAt: '2025-03-10T11:00:00.000Z',
  sites: ['acme.atlassian.net'],
  readOnly: false,
};

/** A fake sendMessage that records what was sent and answers `data`. */
function answering(data: unknown) {
  const sent: unknown[] = [];
  const send = async (message: unknown) => {
    sent.push(message);
    return { ok: true, data };
  };
  return { send, sent };
}

describe('token requests', () => {
  it('send the documented messages and return validated data', async () => {
    const list = answering({ tokens: [summary], lock: 'unlocked', knownCloudSites: ['acme.atlassian.net'] });
    expect(await requestTokens(list.send)).toEqual({ tokens: [summary], lock: 'unlocked', knownCloudSites: ['acme.atlassian.net'] });
    expect(list.sent).toEqual([{ type: 'tokens-list' }]);

    const input = { label: 'Work', kind: 'auto', email: 'ada@example.com', secret: SECRET, sites: [] };
    const add = answering({ ok: true, token: summary });
    expect(await requestAddToken(add.send, input)).toEqual({ ok: true, token: summary });
    expect(add.sent).toEqual([{ type: 'tokens-add', input }]);

    const update = answering({ ok: false, reason: 'invalid', errors: { label: 'Give the token a name.' } });
    expect(await requestUpdateToken(update.send, 'a1b2', { ...input, secret: '' })).toEqual({ ok: false, reason: 'invalid', errors: { label: 'Give the token a name.' } });
    expect(update.sent).toEqual([{ type: 'tokens-update', id: 'a1b2', input: { ...input, secret: '' } }]);

    const check = answering({
      token: summary,
      results: [
        { site: 'acme.atlassian.net', kind: 'scoped', ok: true, sentence: 'Works.', identity: { displayName: 'Ada' } },
        { site: 'beta.atlassian.net', kind: 'unknown', ok: false, sentence: 'No.', failure: { class: 'missing-scope', message: 'm', fix: 'f', scopes: ['read:watcher:confluence'] } },
      ],
    });
    expect((await requestCheckToken(check.send, 'a1b2', 'acme.atlassian.net')).results).toHaveLength(2);
    expect(check.sent).toEqual([{ type: 'tokens-check', id: 'a1b2', site: 'acme.atlassian.net' }]);
    const checkAll = answering({ token: summary, results: [] });
    await requestCheckToken(checkAll.send, 'a1b2');
    expect(checkAll.sent).toEqual([{ type: 'tokens-check', id: 'a1b2' }]);

    const state = answering({ lock: 'locked' });
    expect(await requestVaultState(state.send)).toBe('locked');
    const unlock = answering({ ok: false, reason: 'wrong-passphrase', message: 'Wrong.' });
    expect(await requestUnlock(unlock.send, 'pass phrase here')).toEqual({ ok: false, reason: 'wrong-passphrase', message: 'Wrong.' });
    expect(await requestLock(answering({ ok: true }).send)).toEqual({ ok: true });

    const activity = answering({
      entries: [{ time: 't', tokenLabel: 'Work', site: 'acme.atlassian.net', operation: 'getCurrentUser', method: 'GET', path: '/p', status: null, durationMs: 0, outcome: 'offline', retries: 4 }],
    });
    expect((await requestActivity(activity.send, 'failures')).entries).toHaveLength(1);
    expect(activity.sent).toEqual([{ type: 'activity-list', filter: 'failures' }]);
    expect(await requestClearActivity(answering({ cleared: 3 }).send)).toEqual({ cleared: 3 });

    const action = answering({ ok: false, failure: { class: 'locked', message: 'Unlock your tokens first.', fix: 'Unlock.' } });
    expect(await requestAction(action.send, 'watch', 12)).toMatchObject({ ok: false, failure: { class: 'locked' } });
    expect(action.sent).toEqual([{ type: 'action-run', action: 'watch', tabId: 12 }]);
  });

  it('refuse a token that carries anything beyond its summary (a secret)', async () => {
    await expect(requestTokens(answering({ tokens: [{ ...summary, secret: SECRET }], lock: 'none', knownCloudSites: [] }).send)).rejects.toMatchObject({
      code: 'invalid-reply',
    });
    await expect(requestAddToken(answering({ ok: true, token: { ...summary, secret: { kind: 'plain', value: SECRET } } }).send, { label: 'x', kind: 'auto' })).rejects.toMatchObject({
      code: 'invalid-reply',
    });
  });

  it('refuse other malformed replies, and pass on the background’s errors', async () => {
    await expect(requestVaultState(answering({ lock: 'open' }).send)).rejects.toMatchObject({ code: 'invalid-reply' });
    await expect(requestAction(answering({ ok: false, failure: { class: 'boom', message: 'm', fix: 'f' } }).send, 'watch', 1)).rejects.toMatchObject({
      code: 'invalid-reply',
    });
    const refused = requestTokens(async () => ({ ok: false, error: { code: 'unauthorised-sender', message: 'Not from an extension page.' } }));
    await expect(refused).rejects.toEqual(new BackgroundRequestError('unauthorised-sender', 'Not from an extension page.'));
    await expect(requestTokens(async () => Promise.reject(new Error('gone')))).rejects.toMatchObject({ code: 'no-reply' });
  });
});
