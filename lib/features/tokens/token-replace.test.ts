import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../atlassian/testing/scripted-fetch';
import type { SenderLike } from '../../core/messaging/sender-check';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { createTestBackground, OPTIONS_PAGE } from '../../testing/background';
import { createReminderService } from '../reminders/reminder-service';
import type { ReminderSurface } from '../reminders/reminder-surface';
import { createRemindersArea } from '../reminders/reminders-area';
import { TOKEN_DETECTIONS_STORAGE_KEY } from './token-detections-area';
import type { TokenFormInput } from './token-form-input';
import type { TokenSummary } from './token-summary';
import { createTokenVault } from './token-vault';

// "Replace token" (the renew flow of issue 7): tokens-replace and the vault behind it.

// Fake secrets: long enough for a hint, never a real token prefix.
const OLD = 'fake-secret-old-0123456789abcdefghij-OOOO';
const NEW = 'fake-secret-new-0123456789abcdefghij-NNNN';
const PAT = 'fake-dc-pat-0123456789abcdefghijklmn-CCCC';
const NEW_PAT = 'fake-dc-pat-new-0123456789abcdefghijk-DDDD';
const ALL_SECRETS = [OLD, NEW, PAT, NEW_PAT];
const EMAIL = 'ada@example.com';
const basic = (secret: string) => `Basic ${Buffer.from(`${EMAIL}:${secret}`).toString('base64')}`;
const PASSPHRASE = 'correct horse battery staple';
const HOST = 'acme.atlassian.net';
const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';
const PAGE_URL = `https://${HOST}/wiki/spaces/ENG/pages/6180601871/Release+notes`;
const DC_BASE = 'https://confluence.dc.test/confluence';
// The test background's vault clock is 2025-03-10 (local).
const TODAY = '2025-03-10';
const NEW_EXPIRY = '2025-06-08';
const LOCKED = 'Your tokens are locked. Unlock them with your passphrase to replace this secret: it is encrypted with the same key.';

const USER = { type: 'known', accountId: '557058:abc', displayName: 'Ada Example', email: EMAIL };
const unauthorized = () => new Response('Basic authentication with passwords is deprecated.', { status: 401 });

const cloudInput = (patch: Partial<TokenFormInput> = {}): TokenFormInput => ({
  label: 'Work',
  kind: 'classic',
  email: EMAIL,
  secret: OLD,
  expiresOn: '2025-03-13',
  sites: [HOST, 'beta.atlassian.net'],
  readOnly: true,
  ...patch,
});

type Background = ReturnType<typeof createTestBackground>;
type Reply = { ok: boolean; data?: any; error?: { code: string; message: string } };

function recorder(bg: Background) {
  const replies: unknown[] = [];
  const send = async (message: unknown, sender: SenderLike = OPTIONS_PAGE): Promise<Reply> => {
    const reply = await bg.route(message, sender);
    replies.push(reply);
    return reply as Reply;
  };
  const expectNoSecretAnywhere = async () => {
    const activity = await bg.route({ type: 'activity-list', filter: 'all' }, OPTIONS_PAGE);
    const text = JSON.stringify([replies, activity, bg.logged, bg.errors.map(String), bg.local.dump(), bg.session.dump()]);
    for (const secret of ALL_SECRETS) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(`${EMAIL}:${secret}`).toString('base64'));
    }
  };
  return { send, expectNoSecretAnywhere };
}

async function added(send: ReturnType<typeof recorder>['send'], input: TokenFormInput): Promise<TokenSummary> {
  const reply = await send({ type: 'tokens-add', input });
  if (!reply.ok || !reply.data.ok) throw new Error(`add failed: ${JSON.stringify(reply)}`);
  return reply.data.token as TokenSummary;
}

/** What a form shows of a token besides its secret, expiry, detections and revision. */
const kept = ({ secretHint: _h, expiresOn: _e, detected: _d, mismatch: _m, revision: _r, ...rest }: TokenSummary) => rest;

describe('tokens-replace', () => {
  it('keeps label, kind, email, sites, read-only and creation time; takes the new secret and expiry; the next check sends the new secret', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER)] });
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const before = await added(send, cloudInput());

    const reply = await send({ type: 'tokens-replace', id: before.id, revision: before.revision, secret: NEW, expiresOn: NEW_EXPIRY });
    expect(reply.ok).toBe(true);
    const after = reply.data.token as TokenSummary;
    expect(kept(after)).toEqual(kept(before));
    expect(after).toMatchObject({ label: 'Work', kind: 'classic', email: EMAIL, sites: [HOST, 'beta.atlassian.net'], readOnly: true, secretHint: '…NNNN', expiresOn: NEW_EXPIRY });
    expect(after.revision).not.toBe(before.revision);
    expect((await send({ type: 'tokens-list' })).data.tokens).toEqual([after]);

    await send({ type: 'tokens-check', id: before.id, site: HOST });
    expect(bg.calls.map((c) => c.headers.authorization)).toEqual([basic(NEW)]);
    await expectNoSecretAnywhere();
  });

  it('forgets what was detected with the old secret, so the new one is detected afresh (scoped where the old was classic)', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER), unauthorized(), jsonResponse(USER)] });
    const { send } = recorder(bg);
    await bg.route({ type: 'page-seen', host: HOST, context: { kind: 'content', host: HOST, contentId: '6180601871', contentType: 'page', view: 'view', spaceKey: 'ENG' } }, bg.openTab(9, PAGE_URL));
    await bg.deps.sites.cloudIdRead(HOST, CLOUD_ID, Date.now());
    const token = await added(send, cloudInput({ kind: 'auto', sites: [HOST] }));
    const classic = await send({ type: 'tokens-check', id: token.id });
    expect(classic.data.token.detected).toMatchObject([{ site: HOST, kind: 'classic' }]);
    // A check that read the old secret and answers after the replacement.
    const late = await bg.deps.vault.getSecret(token.id);
    if (!late.ok) throw new Error('no secret');

    const replaced = await send({ type: 'tokens-replace', id: token.id, secret: NEW, expiresOn: NEW_EXPIRY });
    expect(replaced.data.token.detected).toEqual([]);
    expect(JSON.stringify(bg.local.dump()[TOKEN_DETECTIONS_STORAGE_KEY])).not.toContain(token.id);
    await bg.deps.vault.recordDetection(token.id, HOST, { kind: 'classic', identity: { accountId: 'old' } }, late.secretRevision);
    expect((await bg.deps.vault.get(token.id))?.detected).toEqual([]);

    const fresh = await send({ type: 'tokens-check', id: token.id });
    expect(fresh.data.token.detected).toMatchObject([{ site: HOST, kind: 'scoped' }]);
    expect(fresh.data.results).toMatchObject([{ site: HOST, kind: 'scoped', ok: true }]);
  });

  it('answers field by field (the same expiry rules as the form), never echoing the secret, and changes nothing', async () => {
    const bg = createTestBackground();
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const token = await added(send, cloudInput());
    const stored = JSON.stringify(bg.local.dump());
    const cases: [string, unknown, Record<string, unknown>][] = [
      ['empty secret, no date', { secret: '' }, { secret: 'Paste the new token.', expiresOn: expect.stringMatching(/^Enter the expiry date/) }],
      ['a space inside', { secret: `${NEW.slice(0, 10)} ${NEW.slice(10)}`, expiresOn: NEW_EXPIRY }, { secret: expect.stringMatching(/space or line break/) }],
      ['a date that does not exist', { secret: NEW, expiresOn: '2025-02-30' }, { expiresOn: '2025-02-30 is not a date that exists in the calendar.' }],
      ['not a date', { secret: NEW, expiresOn: 'next year' }, { expiresOn: 'Enter the date as YYYY-MM-DD, for example 2030-06-30.' }],
      ['today', { secret: NEW, expiresOn: TODAY }, { expiresOn: expect.stringMatching(/^Choose a date from 2025-03-11 to 2026-03-10/) }],
      ['past a year', { secret: NEW, expiresOn: '2026-03-11' }, { expiresOn: expect.stringMatching(/expire 1 to 365 days/) }],
      // Judged as a new token's date: no leniency for an edit that keeps an old one.
      ['a past date', { secret: NEW, expiresOn: '2025-03-01' }, { expiresOn: expect.stringMatching(/^Choose a date from/) }],
    ];
    for (const [name, fields, errors] of cases) {
      const reply = await send({ type: 'tokens-replace', id: token.id, ...(fields as object) });
      expect(reply, name).toMatchObject({ ok: true, data: { ok: false, reason: 'invalid' } });
      expect(reply.data.errors, name).toEqual(errors);
    }
    expect(JSON.stringify(bg.local.dump())).toBe(stored);
    await expectNoSecretAnywhere();
  });

  it('a Data Center token may go without an expiry (the new token does not expire), but not with a past one', async () => {
    const bg = createTestBackground();
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const token = await added(send, { label: 'DC', kind: 'dc-pat', secret: PAT, dcBaseUrl: DC_BASE, expiresOn: '2025-04-01' });
    const past = await send({ type: 'tokens-replace', id: token.id, secret: NEW_PAT, expiresOn: '2025-03-01' });
    expect(past.data).toMatchObject({ ok: false, reason: 'invalid', errors: { expiresOn: expect.stringMatching(/^This date has passed/) } });
    const none = await send({ type: 'tokens-replace', id: token.id, secret: NEW_PAT });
    expect(none.data).toMatchObject({ ok: true, token: { label: 'DC', kind: 'dc-pat', dcBaseUrl: DC_BASE, secretHint: '…DDDD' } });
    expect(none.data.token.expiresOn).toBeUndefined();
    await expectNoSecretAnywhere();
  });

  it('refuses a replacement based on an older revision, and one of a token removed meanwhile, changing nothing', async () => {
    const bg = createTestBackground();
    const { send } = recorder(bg);
    const opened = await added(send, cloudInput());
    expect(await send({ type: 'tokens-update', id: opened.id, revision: opened.revision, input: cloudInput({ label: 'Renamed elsewhere', secret: '' }) })).toMatchObject({ data: { ok: true } });
    const stored = JSON.stringify(bg.local.dump());
    expect(await send({ type: 'tokens-replace', id: opened.id, revision: opened.revision, secret: NEW, expiresOn: NEW_EXPIRY })).toEqual({
      ok: true,
      data: { ok: false, reason: 'stale', message: 'This token was changed in another window: reload to see what it keeps now, then replace it again.' },
    });
    expect(JSON.stringify(bg.local.dump())).toBe(stored);

    await send({ type: 'tokens-remove', id: opened.id });
    expect(await send({ type: 'tokens-replace', id: opened.id, revision: opened.revision, secret: NEW, expiresOn: NEW_EXPIRY })).toEqual({
      ok: true,
      data: { ok: false, reason: 'not-found', message: 'This token no longer exists; it may have been removed in another window.' },
    });
    expect((await send({ type: 'tokens-list' })).data.tokens).toEqual([]);
  });

  it('locked: the same “unlock first” answer as an edit with a new secret; works once unlocked', async () => {
    const bg = createTestBackground();
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const token = await added(send, cloudInput());
    await send({ type: 'vault-set-passphrase', passphrase: PASSPHRASE });
    await send({ type: 'vault-lock' });
    const stored = JSON.stringify(bg.local.dump());
    const replaced = await send({ type: 'tokens-replace', id: token.id, secret: NEW, expiresOn: NEW_EXPIRY });
    const edited = await send({ type: 'tokens-update', id: token.id, input: cloudInput({ secret: NEW }) });
    expect(replaced).toEqual({ ok: true, data: { ok: false, reason: 'locked', message: LOCKED } });
    expect(edited.data).toMatchObject({ ok: false, reason: 'locked' });
    expect(edited.data.message.startsWith(LOCKED)).toBe(true);
    expect(JSON.stringify(bg.local.dump())).toBe(stored);

    await send({ type: 'vault-unlock', passphrase: PASSPHRASE });
    expect(await send({ type: 'tokens-replace', id: token.id, secret: NEW, expiresOn: NEW_EXPIRY })).toMatchObject({ data: { ok: true, token: { secretHint: '…NNNN' } } });
    expect(await bg.deps.vault.getSecret(token.id)).toMatchObject({ ok: true, secret: NEW });
    await expectNoSecretAnywhere();
  });

  it('takes only id, revision, secret and expiresOn, from extension pages only', async () => {
    const bg = createTestBackground();
    const { send } = recorder(bg);
    const token = await added(send, cloudInput());
    const stored = JSON.stringify(bg.local.dump());
    for (const message of [
      { type: 'tokens-replace', id: token.id, secret: NEW, expiresOn: NEW_EXPIRY, label: 'Evil' },
      { type: 'tokens-replace', id: token.id, secret: NEW, sites: ['evil.atlassian.net'] },
      { type: 'tokens-replace', id: token.id, input: { secret: NEW } },
      { type: 'tokens-replace', id: '../x', secret: NEW },
      { type: 'tokens-replace', id: token.id, secret: NEW, revision: 'not-a-revision' },
      { type: 'tokens-replace', id: token.id, secret: 'x'.repeat(8193) },
      { type: 'tokens-replace', id: token.id },
    ]) {
      expect(await send(message), JSON.stringify(message).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    const tab = bg.openTab(5, PAGE_URL);
    expect(await send({ type: 'tokens-replace', id: token.id, secret: NEW, expiresOn: NEW_EXPIRY }, tab)).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } });
    expect(JSON.stringify(bg.local.dump())).toBe(stored);
  });
});

describe('a replaced token’s reminders', () => {
  it('start again for the new expiry date, with nothing cleared by hand', async () => {
    const vault = createTokenVault({ local: createMemoryStorageArea(), session: createMemoryStorageArea(), now: () => new Date(2025, 2, 10, 12, 0, 0) });
    const add = await vault.add(cloudInput({ expiresOn: '2025-03-13' }));
    if (!add.ok) throw new Error('add failed');
    const shown: { id: string; title: string }[] = [];
    const surface: ReminderSurface = {
      showNotification: async (id, n) => void shown.push({ id, title: n.title }),
      clearNotification: async () => {},
      setBadge: async () => {},
      openTab: async () => {},
      optionsUrl: (hash) => `options.html#${hash}`,
    };
    let today = TODAY;
    const reminders = createReminderService({ area: createRemindersArea(createMemoryStorageArea()), tokens: () => vault.list(), surface, today: () => today });

    await reminders.evaluate();
    await reminders.evaluate();
    expect(shown.map((n) => n.title)).toEqual(['Token “Work” expires in 3 days']);

    // Renewed with a date 30 days off: the 30-day reminder is due at once, under the new date.
    const replaced = await vault.replace(add.token.id, { secret: NEW, expiresOn: '2025-04-09' });
    expect(replaced.ok).toBe(true);
    await reminders.evaluate();
    expect(shown.map((n) => n.title)).toEqual(['Token “Work” expires in 3 days', 'Token “Work” expires in 30 days']);
    expect(shown[1]!.id).toBe(`ctc-reminder:${add.token.id}@2025-04-09`);

    // The old date's thresholds (3, 1, 0 days) never come back; the new one's come in turn.
    today = '2025-03-13';
    await reminders.evaluate();
    expect(shown).toHaveLength(2);
    today = '2025-03-26';
    await reminders.evaluate();
    expect(shown.map((n) => n.title).at(-1)).toBe('Token “Work” expires in 14 days');
  });
});
