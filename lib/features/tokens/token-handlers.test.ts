import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../atlassian/testing/scripted-fetch';
import type { ScriptStep } from '../../atlassian/testing/scripted-fetch';
import type { TokenFormInput } from './token-form-input';
import { tokensAllowSite } from './messages';
import { tokenSummarySchema, type TokenSummary } from './token-summary';
import { createTokenVault, type TokenVault } from './token-vault';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import type { SenderLike } from '../../core/messaging/sender-check';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../testing/background';

// Fake secrets: long enough for a hint, never a real token prefix.
const SECRET = 'fake-secret-alpha-0123456789abcdefghij-AAAA';
const SECRET_B = 'fake-secret-bravo-0123456789abcdefghij-BBBB';
const PAT = 'fake-dc-pat-0123456789abcdefghijklmn-CCCC';
const ALL_SECRETS = [SECRET, SECRET_B, PAT];
const EMAIL = 'ada@example.com';
const BASIC = `Basic ${Buffer.from(`${EMAIL}:${SECRET}`).toString('base64')}`;
const PASSPHRASE = 'correct horse battery staple';
const HOST = 'acme.atlassian.net';
const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';
const GATEWAY = `https://api.atlassian.com/ex/confluence/${CLOUD_ID}`;
const PAGE_URL = `https://${HOST}/wiki/spaces/ENG/pages/6180601871/Release+notes`;
const DC_BASE = 'https://confluence.dc.test/confluence';

const USER = { type: 'known', accountId: '557058:abc', displayName: 'Ada Example', email: EMAIL };
const DC_USER = { type: 'known', username: 'ada', userKey: 'ff80', displayName: 'Ada DC' };
const ANONYMOUS = { type: 'anonymous', displayName: 'Anonymous' };
const unauthorized = () => new Response('Basic authentication with passwords is deprecated.', { status: 401 });
const scopeMismatch = () =>
  new Response('{"code":401,"message":"Unauthorized; scope does not match"}', {
    status: 401,
    headers: { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK', 'Content-Type': 'application/json' },
  });

function cloudInput(patch: Partial<TokenFormInput> = {}): TokenFormInput {
  return { label: 'Work', kind: 'auto', email: EMAIL, secret: SECRET, expiresOn: '2025-06-08', sites: [HOST], ...patch };
}
const dcInput = (patch: Partial<TokenFormInput> = {}): TokenFormInput => ({ label: 'DC', kind: 'dc-pat', secret: PAT, dcBaseUrl: DC_BASE, ...patch });

type Background = ReturnType<typeof createTestBackground>;

/** Every reply, activity entry and handler error a test produced, to scan for secrets. */
function recorder(bg: Background) {
  const replies: unknown[] = [];
  const send = async (message: unknown, sender: SenderLike = OPTIONS_PAGE) => {
    const reply = await bg.route(message, sender);
    replies.push(reply);
    return reply as { ok: boolean; data?: any; error?: { code: string; message: string } };
  };
  const expectNoSecretAnywhere = async () => {
    const activity = await bg.route({ type: 'activity-list', filter: 'all' }, OPTIONS_PAGE);
    const text = JSON.stringify([replies, activity, bg.logged, bg.errors.map(String)]);
    for (const secret of ALL_SECRETS) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(`${EMAIL}:${secret}`).toString('base64'));
    }
  };
  return { send, replies, expectNoSecretAnywhere };
}

async function addToken(send: ReturnType<typeof recorder>['send'], input: TokenFormInput): Promise<string> {
  const reply = await send({ type: 'tokens-add', input });
  if (!reply.ok || !reply.data.ok) throw new Error(`add failed: ${JSON.stringify(reply)}`);
  return reply.data.token.id as string;
}

/** Records the site's cloudId in the registry the way a content script does. */
async function registerCloudId(bg: Background) {
  const tab = bg.openTab(90, PAGE_URL);
  const context = { kind: 'content', host: HOST, contentId: '6180601871', contentType: 'page', view: 'view', spaceKey: 'ENG' };
  await bg.route({ type: 'page-seen', host: HOST, context }, tab);
  await bg.route({ type: 'cloud-id-result', host: HOST, ok: true, bodyText: `{"cloudId":"${CLOUD_ID}"}` }, tab);
  // As an earlier tenant_info read by the background itself would have: only a confirmed cloudId carries credentials.
  await bg.deps.sites.cloudIdRead(HOST, CLOUD_ID, Date.now());
}

describe('tokens-add, tokens-list, tokens-update, tokens-remove', () => {
  it('adds and lists tokens as summaries, with the lock state and known sites, never the secret', async () => {
    const bg = createTestBackground();
    const { send, expectNoSecretAnywhere } = recorder(bg);
    await registerCloudId(bg);
    const added = await send({ type: 'tokens-add', input: cloudInput() });
    expect(added).toMatchObject({ ok: true, data: { ok: true, token: { label: 'Work', kind: 'auto', secretHint: '…AAAA', sites: [HOST] } } });
    expect(tokenSummarySchema.safeParse(added.data.token).success).toBe(true);

    const list = await send({ type: 'tokens-list' });
    expect(list).toEqual({ ok: true, data: { tokens: [added.data.token], lock: 'none', knownCloudSites: [HOST], damaged: 0, undecryptable: [] } });
    await expectNoSecretAnywhere();
  });

  it('answers bad input field by field without echoing it, and stores nothing', async () => {
    const bg = createTestBackground();
    const { send, expectNoSecretAnywhere } = recorder(bg);
    // The secret pasted into the email field must not come back in the message.
    const reply = await send({ type: 'tokens-add', input: cloudInput({ email: SECRET, secret: `${SECRET_B} `, expiresOn: '2031-01-01' }) });
    expect(reply).toMatchObject({ ok: true, data: { ok: false, reason: 'invalid', errors: { email: expect.any(String), secret: expect.any(String), expiresOn: expect.any(String) } } });
    expect((await send({ type: 'tokens-list' })).data.tokens).toEqual([]);
    await expectNoSecretAnywhere();
  });

  it('updates a token, keeping the saved secret when the form leaves it empty, and removes it', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER)] });
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic' }));
    const updated = await send({ type: 'tokens-update', id, input: cloudInput({ kind: 'classic', label: 'Renamed', secret: '' }) });
    expect(updated).toMatchObject({ ok: true, data: { ok: true, token: { id, label: 'Renamed', secretHint: '…AAAA' } } });
    // The kept secret still authenticates.
    await send({ type: 'tokens-check', id });
    expect(bg.calls[0]?.headers.authorization).toBe(BASIC);

    expect(await send({ type: 'tokens-update', id: 'nope', input: cloudInput() })).toMatchObject({ ok: true, data: { ok: false, reason: 'not-found' } });
    expect(await send({ type: 'tokens-remove', id })).toEqual({ ok: true, data: { removed: true } });
    expect(await send({ type: 'tokens-remove', id })).toEqual({ ok: true, data: { removed: false } });
    await expectNoSecretAnywhere();
  });

  it('refuses extra fields, and secrets outside input', async () => {
    const bg = createTestBackground();
    const { send } = recorder(bg);
    for (const message of [
      { type: 'tokens-add', input: cloudInput(), secret: SECRET },
      { type: 'tokens-add', input: { ...cloudInput(), token: SECRET } },
      { type: 'tokens-list', url: 'https://evil.example/' },
      { type: 'tokens-remove', id: '../x' },
      { type: 'tokens-check', id: 'a1', site: 'evil.example' },
    ]) {
      expect(await send(message), JSON.stringify(message)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(bg.local.dump()).toEqual({});
  });
});

describe('tokens-check', () => {
  it('classic: asks the site who the token is, and records it', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER)] });
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic' }));
    const reply = await send({ type: 'tokens-check', id });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        token: { id, detected: [{ site: HOST, kind: 'classic', identity: { accountId: '557058:abc', displayName: 'Ada Example' } }], mismatch: [] },
        results: [{ site: HOST, kind: 'classic', ok: true, identity: { displayName: 'Ada Example', accountId: '557058:abc' } }],
      },
    });
    expect(reply.data.results[0].sentence).toBe(`This is a classic token: calls go to https://${HOST}/wiki/rest/api/. It signs in as Ada Example.`);
    expect(reply.data.results[0].failure).toBeUndefined();
    expect(bg.calls.map((c) => c.url)).toEqual([`https://${HOST}/wiki/rest/api/user/current`]);
    expect(bg.calls[0]?.headers.authorization).toBe(BASIC);
    await expectNoSecretAnywhere();
  });

  it('auto: detects a scoped token through the gateway, with the cloudId from the registry', async () => {
    const bg = createTestBackground({ steps: [unauthorized(), jsonResponse(USER)] });
    const { send, expectNoSecretAnywhere } = recorder(bg);
    await registerCloudId(bg);
    const id = await addToken(send, cloudInput());
    const reply = await send({ type: 'tokens-check', id });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        token: { kind: 'auto', detected: [{ site: HOST, kind: 'scoped' }], mismatch: [] },
        results: [{ site: HOST, kind: 'scoped', ok: true, identity: { displayName: 'Ada Example' } }],
      },
    });
    expect(reply.data.results[0].warning).toBeUndefined();
    expect(bg.calls.map((c) => c.url)).toEqual([`https://${HOST}/wiki/rest/api/user/current`, `${GATEWAY}/wiki/rest/api/user/current`]);
    await expectNoSecretAnywhere();
  });

  it('auto: reads tenant_info itself, without credentials, when the registry has no cloudId, and only once', async () => {
    const bg = createTestBackground({
      steps: [unauthorized(), jsonResponse({ cloudId: CLOUD_ID }), jsonResponse(USER), unauthorized(), jsonResponse(USER)],
    });
    const { send } = recorder(bg);
    const id = await addToken(send, cloudInput());
    expect(await send({ type: 'tokens-check', id })).toMatchObject({ ok: true, data: { results: [{ kind: 'scoped', ok: true }] } });
    expect(bg.calls[1]).toMatchObject({ url: `https://${HOST}/_edge/tenant_info`, credentials: 'omit' });
    expect(bg.calls[1]?.headers.authorization).toBeUndefined();
    expect(bg.calls[2]?.url).toBe(`${GATEWAY}/wiki/rest/api/user/current`);
    // A second check does not read tenant_info again.
    await send({ type: 'tokens-check', id, site: HOST });
    expect(bg.calls.map((c) => new URL(c.url).pathname).filter((p) => p === '/_edge/tenant_info')).toHaveLength(1);
    const activity = await send({ type: 'activity-list', filter: 'all' });
    expect(activity.data.entries.find((e: { operation: string }) => e.operation === 'getTenantInfo')).toMatchObject({ tokenLabel: '(no token)', status: 200 });
  });

  it('auto: a scoped token whose scopes do not cover the identity call is still detected, and says which scope it lacks', async () => {
    const bg = createTestBackground({ steps: [unauthorized(), scopeMismatch()] });
    const { send } = recorder(bg);
    await registerCloudId(bg);
    const id = await addToken(send, cloudInput());
    const reply = await send({ type: 'tokens-check', id });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        token: { detected: [{ site: HOST, kind: 'scoped' }] },
        results: [{ kind: 'scoped', ok: false, failure: { class: 'missing-scope', scopes: ['read:content-details:confluence'] } }],
      },
    });
  });

  it('warns when the chosen kind contradicts what the site shows', async () => {
    const bg = createTestBackground({ steps: [unauthorized(), jsonResponse(USER)] });
    const { send } = recorder(bg);
    await registerCloudId(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic' }));
    const reply = await send({ type: 'tokens-check', id });
    const [result] = reply.data.results;
    expect(result).toMatchObject({ site: HOST, kind: 'scoped', ok: false, failure: { class: 'wrong-base-url', fix: expect.stringMatching(/Change its kind to scoped/) } });
    expect(result.warning).toMatch(/You chose “classic token”, but on acme\.atlassian\.net this token works as a scoped token/);
    expect(reply.data.token.mismatch).toEqual([{ site: HOST, detected: 'scoped', sentence: result.warning }]);
    // The site was asked once: the health check's answer served detection too.
    expect(bg.calls.map((c) => c.url)).toEqual([`https://${HOST}/wiki/rest/api/user/current`, `${GATEWAY}/wiki/rest/api/user/current`]);
  });

  it('warns the other way too: a token chosen as scoped that is classic', async () => {
    const mismatch = new Response('', { status: 401, headers: { 'X-Failure-Category': 'FAILURE_CLIENT_AUTH_MISMATCH' } });
    const bg = createTestBackground({ steps: [mismatch, jsonResponse(USER)] });
    const { send } = recorder(bg);
    await registerCloudId(bg);
    const id = await addToken(send, cloudInput({ kind: 'scoped' }));
    const [result] = (await send({ type: 'tokens-check', id })).data.results;
    expect(result).toMatchObject({ kind: 'classic', ok: false, failure: { class: 'wrong-base-url' } });
    expect(result.warning).toMatch(/this token works as a classic token/);
    expect(bg.calls.map((c) => c.url)).toEqual([`${GATEWAY}/wiki/rest/api/user/current`, `https://${HOST}/wiki/rest/api/user/current`]);
  });

  it('never calls an anonymous answer healthy', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(ANONYMOUS), unauthorized()] });
    const { send } = recorder(bg);
    await registerCloudId(bg);
    const id = await addToken(send, cloudInput());
    const reply = await send({ type: 'tokens-check', id });
    expect(reply).toMatchObject({
      ok: true,
      data: { token: { detected: [] }, results: [{ site: HOST, kind: 'unknown', ok: false, failure: { class: 'anonymous-fallback' } }] },
    });
    expect(reply.data.results[0].identity).toBeUndefined();
  });

  it('forgets an earlier detection when neither base accepts the token any more, but not on an outage', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER), new Response('', { status: 500 }), unauthorized(), unauthorized()] });
    const { send } = recorder(bg);
    await registerCloudId(bg);
    const id = await addToken(send, cloudInput());
    expect((await send({ type: 'tokens-check', id })).data.token.detected).toHaveLength(1);
    const outage = await send({ type: 'tokens-check', id });
    expect(outage.data.results[0]).toMatchObject({ kind: 'unknown', ok: false, failure: { class: 'server-error' } });
    expect(outage.data.token.detected).toHaveLength(1);
    const revoked = await send({ type: 'tokens-check', id });
    expect(revoked.data.results[0]).toMatchObject({ kind: 'unknown', ok: false, failure: { class: 'invalid-token' } });
    expect(revoked.data.token.detected).toEqual([]);
  });

  it('locked: says to unlock first and makes no call', async () => {
    const bg = createTestBackground();
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic' }));
    expect(await send({ type: 'vault-set-passphrase', passphrase: PASSPHRASE })).toEqual({ ok: true, data: { ok: true } });
    expect(await send({ type: 'vault-lock' })).toEqual({ ok: true, data: { ok: true } });
    const reply = await send({ type: 'tokens-check', id });
    expect(reply).toMatchObject({
      ok: true,
      data: { results: [{ site: HOST, kind: 'classic', ok: false, sentence: 'Unlock your tokens first.', failure: { class: 'locked' } }] },
    });
    expect(bg.calls).toHaveLength(0);
    await expectNoSecretAnywhere();
  });

  it('Data Center: asks for the host permission first, then sends the PAT as Bearer to the server', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(DC_USER)] });
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const id = await addToken(send, dcInput());
    const blocked = await send({ type: 'tokens-check', id });
    expect(blocked).toMatchObject({
      ok: true,
      data: {
        results: [
          { site: DC_BASE, kind: 'dc-pat', ok: false, sentence: 'Allow access to https://confluence.dc.test first.', failure: { class: 'permission-needed' } },
        ],
      },
    });
    expect(bg.calls).toHaveLength(0);

    bg.grant('https://confluence.dc.test');
    const reply = await send({ type: 'tokens-check', id });
    expect(reply).toMatchObject({ ok: true, data: { results: [{ site: DC_BASE, kind: 'dc-pat', ok: true, identity: { displayName: 'Ada DC' } }] } });
    expect(bg.calls[0]).toMatchObject({ url: `${DC_BASE}/rest/api/user/current`, headers: { authorization: `Bearer ${PAT}` } });
    await expectNoSecretAnywhere();
  });

  it('checks every site a token lists, or only the one asked for; refuses others and unknown tokens', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER), jsonResponse(USER), jsonResponse(USER)] });
    const { send } = recorder(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic', sites: [HOST, 'beta.atlassian.net'] }));
    const both = await send({ type: 'tokens-check', id });
    expect(both.data.results.map((r: { site: string }) => r.site)).toEqual([HOST, 'beta.atlassian.net']);
    const one = await send({ type: 'tokens-check', id, site: 'beta.atlassian.net' });
    expect(one.data.results.map((r: { site: string }) => r.site)).toEqual(['beta.atlassian.net']);
    expect(await send({ type: 'tokens-check', id, site: 'other.atlassian.net' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await send({ type: 'tokens-check', id: 'ffff' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(bg.calls).toHaveLength(3);
  });

  it('a token with no site chosen is sent nowhere, not even to the sites seen, until a site is allowed', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER)] });
    const { send } = recorder(bg);
    await registerCloudId(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic', sites: [] }));
    expect((await send({ type: 'tokens-check', id })).data.results).toEqual([]);
    expect(bg.calls).toHaveLength(0);
    expect(await send({ type: 'tokens-check', id, site: HOST })).toMatchObject({ ok: false, error: { code: 'rejected' } });

    const allowed = await send({ type: 'tokens-allow-site', id, site: HOST });
    expect(allowed).toMatchObject({ ok: true, data: { ok: true, token: { sites: [HOST], label: 'Work' } } });
    expect((await send({ type: 'tokens-check', id })).data.results).toMatchObject([{ site: HOST, ok: true }]);
    expect(await send({ type: 'tokens-allow-site', id, site: 'evil.example.com' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await send({ type: 'tokens-allow-site', id: 'nope', site: HOST })).toMatchObject({ ok: true, data: { ok: false, reason: 'not-found' } });
  });
});

describe('edits from two windows (tokens-update revision)', () => {
  const STALE = 'This token was changed in another window: reload to see the change, then edit it again.';

  it('refuses a save based on an older revision, changing nothing, and takes one based on the current one', async () => {
    const bg = createTestBackground();
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic' }));
    const opened = (await send({ type: 'tokens-list' })).data.tokens[0] as TokenSummary; // both windows open the form

    const fromB = await send({ type: 'tokens-update', id, revision: opened.revision, input: cloudInput({ kind: 'classic', label: 'Renamed in B', readOnly: true, secret: '' }) });
    expect(fromB).toMatchObject({ ok: true, data: { ok: true, token: { label: 'Renamed in B', readOnly: true } } });
    const afterB = JSON.stringify([bg.local.dump(), (await send({ type: 'tokens-list' })).data]);

    const fromA = await send({ type: 'tokens-update', id, revision: opened.revision, input: cloudInput({ kind: 'classic', label: 'Work', readOnly: false, secret: SECRET_B }) });
    expect(fromA).toEqual({ ok: true, data: { ok: false, reason: 'stale', message: STALE } });
    expect(JSON.stringify([bg.local.dump(), (await send({ type: 'tokens-list' })).data])).toBe(afterB);

    // After reloading, A's form is based on B's save.
    const reloaded = (await send({ type: 'tokens-list' })).data.tokens[0] as TokenSummary;
    const again = await send({ type: 'tokens-update', id, revision: reloaded.revision, input: cloudInput({ kind: 'classic', label: 'Renamed in B', readOnly: true, expiresOn: '2025-06-01', secret: '' }) });
    expect(again).toMatchObject({ ok: true, data: { ok: true, token: { label: 'Renamed in B', readOnly: true, expiresOn: '2025-06-01' } } });
    expect(again.data.token.revision).not.toBe(reloaded.revision);
    await expectNoSecretAnywhere();
  });

  it('a check between opening the form and saving it does not make the form stale', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER)] });
    const { send } = recorder(bg);
    const id = await addToken(send, cloudInput());
    const opened = (await send({ type: 'tokens-list' })).data.tokens[0] as TokenSummary;
    await send({ type: 'tokens-check', id });
    const checked = (await send({ type: 'tokens-list' })).data.tokens[0] as TokenSummary;
    expect(checked.detected).toHaveLength(1);
    expect(checked.revision).toBe(opened.revision);
    expect(await send({ type: 'tokens-update', id, revision: opened.revision, input: cloudInput({ label: 'Renamed', secret: '' }) })).toMatchObject({ ok: true, data: { ok: true } });
  });

  it('takes no revision in another shape', async () => {
    const bg = createTestBackground();
    const { send } = recorder(bg);
    const id = await addToken(send, cloudInput());
    for (const revision of ['', 'not-hex-at-all!!', 'ABCDEF0123456789', '0'.repeat(65), 5]) {
      expect(await send({ type: 'tokens-update', id, revision, input: cloudInput({ label: 'Evil' }) }), String(revision)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect((await send({ type: 'tokens-list' })).data.tokens[0].label).toBe('Work');
  });

  it('tokens-allow-site keeps an edit saved while it runs, and still adds the site', async () => {
    const vault = createTokenVault({ local: createMemoryStorageArea(), session: createMemoryStorageArea(), now: () => new Date(2025, 2, 10, 12, 0, 0) });
    const added = await vault.add(cloudInput({ kind: 'classic', sites: [] }));
    if (!added.ok) throw new Error('add failed');
    // Another window saves read-only and a new label right after this handler read the token.
    let raced = false;
    const racing: TokenVault = {
      ...vault,
      async get(id) {
        const token = await vault.get(id);
        if (!raced && token) {
          raced = true;
          await vault.update(id, { ...cloudInput({ kind: 'classic', sites: [], secret: '' }), label: 'Renamed elsewhere', readOnly: true }, token.revision);
        }
        return token;
      },
    };
    const result = await tokensAllowSite.handle({ type: 'tokens-allow-site', id: added.token.id, site: HOST }, {} as never, {
      vault: racing,
      knownCloudSites: async () => [],
      resetTokens: async () => {},
    });
    expect(result).toMatchObject({ ok: true, token: { label: 'Renamed elsewhere', readOnly: true, sites: [HOST] } });
    expect(await vault.get(added.token.id)).toMatchObject({ label: 'Renamed elsewhere', readOnly: true, sites: [HOST] });
  });
});

describe('vault messages', () => {
  it('sets, locks, unlocks, changes and removes the passphrase, judging it without echoing it', async () => {
    const bg = createTestBackground();
    const { send, replies } = recorder(bg);
    await addToken(send, cloudInput());
    expect(await send({ type: 'vault-state' })).toEqual({ ok: true, data: { lock: 'none' } });
    expect(await send({ type: 'vault-set-passphrase', passphrase: 'short' })).toMatchObject({ ok: true, data: { ok: false, reason: 'weak-passphrase' } });
    expect(await send({ type: 'vault-set-passphrase', passphrase: PASSPHRASE })).toEqual({ ok: true, data: { ok: true } });
    expect(JSON.stringify(bg.local.dump())).not.toContain(SECRET);
    expect(await send({ type: 'vault-state' })).toEqual({ ok: true, data: { lock: 'unlocked' } });
    expect(await send({ type: 'vault-lock' })).toEqual({ ok: true, data: { ok: true } });
    expect((await send({ type: 'tokens-list' })).data.lock).toBe('locked');
    expect(await send({ type: 'tokens-add', input: cloudInput({ label: 'Second', secret: SECRET_B }) })).toMatchObject({ ok: true, data: { ok: false, reason: 'locked' } });
    expect(await send({ type: 'vault-unlock', passphrase: 'the wrong passphrase' })).toMatchObject({ ok: true, data: { ok: false, reason: 'wrong-passphrase' } });
    expect(await send({ type: 'vault-unlock', passphrase: PASSPHRASE })).toEqual({ ok: true, data: { ok: true } });
    expect(await send({ type: 'vault-change-passphrase', oldPassphrase: PASSPHRASE, newPassphrase: 'another long passphrase' })).toEqual({ ok: true, data: { ok: true } });
    expect(await send({ type: 'vault-remove-passphrase', passphrase: PASSPHRASE })).toMatchObject({ ok: true, data: { ok: false, reason: 'wrong-passphrase' } });
    expect(await send({ type: 'vault-remove-passphrase', passphrase: 'another long passphrase' })).toEqual({ ok: true, data: { ok: true } });
    expect(await send({ type: 'vault-state' })).toEqual({ ok: true, data: { lock: 'none' } });
    const text = JSON.stringify(replies);
    for (const phrase of [PASSPHRASE, 'another long passphrase', 'the wrong passphrase', SECRET]) expect(text).not.toContain(phrase);
  });
});

describe('activity-list and activity-clear', () => {
  it('lists the calls made, newest first, filtered, persisted under "activity"; clears them', async () => {
    const bg = createTestBackground({ steps: [unauthorized(), jsonResponse(USER)] });
    const { send } = recorder(bg);
    await registerCloudId(bg);
    const id = await addToken(send, cloudInput());
    await send({ type: 'tokens-check', id });
    const all = await send({ type: 'activity-list', filter: 'all' });
    expect(all.data.entries).toMatchObject([
      { tokenLabel: 'Work', site: HOST, operation: 'getCurrentUser', status: 200, outcome: 'ok' },
      { tokenLabel: 'Work', site: HOST, operation: 'getCurrentUser', status: 401, outcome: 'invalid-token', path: '/wiki/rest/api/user/current' },
    ]);
    expect((await send({ type: 'activity-list', filter: 'auth' })).data.entries).toHaveLength(1);
    expect((await send({ type: 'activity-list', filter: 'rate-limited' })).data.entries).toHaveLength(0);
    expect(bg.local.dump().activity).toMatchObject({ schemaVersion: 1, data: { entries: expect.any(Array) } });
    expect(await send({ type: 'activity-clear' })).toEqual({ ok: true, data: { cleared: 2 } });
    expect((await send({ type: 'activity-list', filter: 'all' })).data.entries).toEqual([]);
  });
});

describe('action-run', () => {
  async function withToken(steps: ScriptStep[], input: Partial<TokenFormInput> = {}) {
    const bg = createTestBackground({ steps });
    const r = recorder(bg);
    const id = await addToken(r.send, cloudInput({ kind: 'classic', ...input }));
    bg.openTab(7, PAGE_URL);
    return { bg, ...r, id };
  }

  it('watch-status reads the watch state of the tab’s page with the first token for the site', async () => {
    // First who the token is there (identity-confirmation.test.ts), then the watch state.
    const { bg, send, expectNoSecretAnywhere } = await withToken([jsonResponse(USER), jsonResponse({ watching: true })]);
    const reply = await send({ type: 'action-run', action: 'watch-status', tabId: 7 }, POPUP);
    expect(reply).toEqual({ ok: true, data: { ok: true, watching: true, sentence: 'The account of “Work” watches this page.' } });
    expect(bg.calls).toHaveLength(2);
    expect(bg.calls[0]).toMatchObject({ url: `https://${HOST}/wiki/rest/api/user/current`, method: 'GET', headers: { authorization: BASIC } });
    expect(bg.calls[1]).toMatchObject({ url: `https://${HOST}/wiki/rest/api/user/watch/content/6180601871`, method: 'GET', headers: { authorization: BASIC } });
    await expectNoSecretAnywhere();
  });

  it('watch and unwatch send POST and DELETE with the XSRF header, through the gateway for a scoped token', async () => {
    const { bg, send } = await withToken([jsonResponse(USER), new Response(null, { status: 204 }), new Response(null, { status: 204 })], { kind: 'scoped' });
    await registerCloudId(bg);
    expect(await send({ type: 'action-run', action: 'watch', tabId: 7 }, POPUP)).toMatchObject({ ok: true, data: { ok: true, watching: true } });
    expect(await send({ type: 'action-run', action: 'unwatch', tabId: 7 }, POPUP)).toMatchObject({ ok: true, data: { ok: true, watching: false } });
    expect(bg.calls.map((c) => [c.method, c.url, c.headers['x-atlassian-token']])).toEqual([
      ['GET', `${GATEWAY}/wiki/rest/api/user/current`, undefined],
      ['POST', `${GATEWAY}/wiki/rest/api/user/watch/content/6180601871`, 'no-check'],
      ['DELETE', `${GATEWAY}/wiki/rest/api/user/watch/content/6180601871`, 'no-check'],
    ]);
  });

  it('uses the first token for the site in list order, even when a later one could write', async () => {
    const bg = createTestBackground();
    const { send } = recorder(bg);
    await addToken(send, cloudInput({ kind: 'classic', label: 'Reader', readOnly: true }));
    await addToken(send, cloudInput({ kind: 'classic', label: 'Writer', secret: SECRET_B }));
    bg.openTab(7, PAGE_URL);
    const reply = await send({ type: 'action-run', action: 'watch', tabId: 7 }, POPUP);
    expect(reply).toMatchObject({ ok: true, data: { ok: false, failure: { class: 'read-only-refused' } } });
    expect(reply.data.failure.message).toMatch(/read-only/);
    expect(bg.calls).toHaveLength(0);
  });

  it('refuses a write with a read-only token before the network, even while the vault is locked', async () => {
    const { bg, send } = await withToken([], { readOnly: true });
    await send({ type: 'vault-set-passphrase', passphrase: PASSPHRASE });
    await send({ type: 'vault-lock' });
    for (const action of ['watch', 'unwatch']) {
      const reply = await send({ type: 'action-run', action, tabId: 7 }, POPUP);
      expect(reply).toMatchObject({ ok: true, data: { ok: false, failure: { class: 'read-only-refused' } } });
    }
    expect(bg.calls).toHaveLength(0);
    const log = await send({ type: 'activity-list', filter: 'failures' });
    expect(log.data.entries.map((e: { outcome: string; status: null }) => [e.outcome, e.status])).toEqual([
      ['read-only-refused', null],
      ['read-only-refused', null],
    ]);
  });

  it('says to unlock first when the vault is locked', async () => {
    const { bg, send } = await withToken([]);
    await send({ type: 'vault-set-passphrase', passphrase: PASSPHRASE });
    await send({ type: 'vault-lock' });
    const reply = await send({ type: 'action-run', action: 'watch-status', tabId: 7 }, POPUP);
    expect(reply).toMatchObject({ ok: true, data: { ok: false, failure: { class: 'locked', message: expect.stringMatching(/^Unlock your tokens first/) } } });
    expect(bg.calls).toHaveLength(0);
  });

  it('detects an auto token’s kind on the site before the first action there', async () => {
    const { bg, send } = await withToken([jsonResponse(USER), jsonResponse({ watching: false })], { kind: 'auto' });
    expect(await send({ type: 'action-run', action: 'watch-status', tabId: 7 }, POPUP)).toMatchObject({ ok: true, data: { ok: true, watching: false } });
    expect(bg.calls.map((c) => new URL(c.url).pathname)).toEqual(['/wiki/rest/api/user/current', '/wiki/rest/api/user/watch/content/6180601871']);
    expect((await send({ type: 'tokens-list' })).data.tokens[0].detected).toMatchObject([{ site: HOST, kind: 'classic' }]);
  });

  it('explains a missing token, a tab without a page, and a page the account cannot see', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER), new Response('', { status: 403 })] });
    const { send } = recorder(bg);
    bg.openTab(7, PAGE_URL);
    expect(await send({ type: 'action-run', action: 'watch-status', tabId: 7 }, POPUP)).toMatchObject({ ok: true, data: { ok: false, failure: { class: 'no-token' } } });
    await addToken(send, cloudInput({ kind: 'classic' }));
    bg.openTab(8, `https://${HOST}/wiki/spaces/ENG/overview`);
    bg.openTab(9, undefined);
    for (const tabId of [8, 9, 99]) {
      expect(await send({ type: 'action-run', action: 'watch-status', tabId }, POPUP)).toMatchObject({ ok: true, data: { ok: false, failure: { class: 'no-page' } } });
    }
    expect(bg.calls).toHaveLength(0);
    expect(await send({ type: 'action-run', action: 'watch-status', tabId: 7 }, POPUP)).toMatchObject({
      ok: true,
      data: { ok: false, failure: { class: 'no-permission-or-not-found' } },
    });
  });

  it('takes nothing but the tab id (and the page it expects there) from the message', async () => {
    const { bg, send } = await withToken([jsonResponse(USER), jsonResponse({ watching: false })]);
    for (const message of [
      { type: 'action-run', action: 'watch', tabId: 7, contentId: 'x/1' },
      { type: 'action-run', action: 'watch', tabId: 7, host: 'evil.atlassian.net' },
      { type: 'action-run', action: 'delete-page', tabId: 7 },
      { type: 'action-run', action: 'watch', tabId: -1 },
    ]) {
      expect(await send(message, POPUP)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(bg.calls).toHaveLength(0);
    // The tab has moved on from the page the popup showed: nothing is done.
    expect(await send({ type: 'action-run', action: 'watch', tabId: 7, contentId: '1' }, POPUP)).toMatchObject({
      ok: true,
      data: { ok: false, failure: { class: 'no-page', message: expect.stringContaining('another page') } },
    });
    expect(bg.calls).toHaveLength(0);
    // The page it still shows: the action goes ahead, on that page.
    expect(await send({ type: 'action-run', action: 'watch-status', tabId: 7, contentId: '6180601871' }, POPUP)).toMatchObject({ ok: true, data: { ok: true } });
    expect(bg.calls).toHaveLength(2); // who the token is there, then the watch state
  });
});

describe('content scripts may send none of these', () => {
  it('refuses every token, vault, activity and action message from a content script, with no effect', async () => {
    const bg = createTestBackground();
    const { send } = recorder(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic' }));
    const tab = bg.openTab(5, PAGE_URL);
    const before = JSON.stringify([bg.local.dump(), bg.session.dump()]);
    const messages = [
      { type: 'tokens-list' },
      { type: 'tokens-add', input: cloudInput({ label: 'Evil', secret: SECRET_B }) },
      { type: 'tokens-update', id, input: cloudInput({ label: 'Evil' }) },
      { type: 'tokens-remove', id },
      { type: 'tokens-check', id },
      { type: 'vault-state' },
      { type: 'vault-set-passphrase', passphrase: PASSPHRASE },
      { type: 'vault-change-passphrase', oldPassphrase: PASSPHRASE, newPassphrase: 'another long passphrase' },
      { type: 'vault-remove-passphrase', passphrase: PASSPHRASE },
      { type: 'vault-unlock', passphrase: PASSPHRASE },
      { type: 'vault-lock' },
      { type: 'activity-list', filter: 'all' },
      { type: 'activity-clear' },
      { type: 'action-run', action: 'watch', tabId: 5 },
    ];
    for (const message of messages) {
      expect(await bg.route(message, tab), message.type).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } });
    }
    // An extension page embedded in a web page is refused too.
    const framed: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html', frameId: 3, tab: { id: 5, url: PAGE_URL } };
    expect(await bg.route({ type: 'tokens-list' }, framed)).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } });
    expect(JSON.stringify([bg.local.dump(), bg.session.dump()])).toBe(before);
    expect(bg.calls).toHaveLength(0);
  });
});

describe('a device key this browser lost', () => {
  it('lists every token, says which cannot be decrypted, answers checks and actions with that sentence, and takes the secret again', async () => {
    const bg = createTestBackground({ steps: [jsonResponse(USER)] });
    const { send, expectNoSecretAnywhere } = recorder(bg);
    const id = await addToken(send, cloudInput({ kind: 'classic' }));
    const before = (await send({ type: 'tokens-list' })).data;
    bg.openTab(7, PAGE_URL);
    bg.deviceKeys.forget(); // the extension's IndexedDB deleted

    expect(await send({ type: 'tokens-list' })).toEqual({ ok: true, data: { ...before, undecryptable: [id] } });
    const sentence = 'The saved secret of “Work” cannot be decrypted: this browser no longer has the key it was encrypted with. Edit the token and enter its secret again.';
    expect(await send({ type: 'tokens-check', id })).toEqual({ ok: false, error: { code: 'rejected', message: sentence } });
    expect(await send({ type: 'action-run', action: 'watch-status', tabId: 7 }, POPUP)).toEqual({ ok: false, error: { code: 'rejected', message: sentence } });
    expect(bg.calls).toHaveLength(0);
    expect(bg.errors).toEqual([]);

    expect(await send({ type: 'tokens-update', id, input: cloudInput({ kind: 'classic', secret: SECRET_B }) })).toMatchObject({ ok: true, data: { ok: true } });
    expect((await send({ type: 'tokens-list' })).data).toMatchObject({ undecryptable: [], damaged: 0 });
    expect(await send({ type: 'tokens-check', id })).toMatchObject({ ok: true, data: { results: [{ ok: true }] } });
    await expectNoSecretAnywhere();
  });
});
