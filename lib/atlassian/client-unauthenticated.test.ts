import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from './activity-log';
import { createAtlassianClient } from './client';
import { jsonResponse, networkError, scriptedFetch, type ScriptStep } from './testing/scripted-fetch';

const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';
const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

function setup(steps: ScriptStep[]) {
  const fake = scriptedFetch(steps);
  const activity: ActivityEntry[] = [];
  const sleeps: number[] = [];
  const client = createAtlassianClient({
    fetch: fake.fetch,
    now: () => T0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onActivity: (e) => activity.push(e),
  });
  return { client, calls: fake.calls, activity, sleeps };
}

describe('readTenantInfo (the one call without credentials)', () => {
  it('reads the cloudId from the site without Authorization or cookies, and logs it', async () => {
    const { client, calls, activity } = setup([jsonResponse({ cloudId: CLOUD_ID.toUpperCase() })]);
    const result = await client.readTenantInfo('Acme.atlassian.net');
    expect(result).toMatchObject({ ok: true, status: 200, data: { cloudId: CLOUD_ID } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: 'https://acme.atlassian.net/_edge/tenant_info', method: 'GET', credentials: 'omit' });
    expect(calls[0]?.headers.authorization).toBeUndefined();
    expect(activity).toEqual([
      expect.objectContaining({
        tokenLabel: '(no token)',
        site: 'acme.atlassian.net',
        operation: 'getTenantInfo',
        method: 'GET',
        path: '/_edge/tenant_info',
        status: 200,
        outcome: 'ok',
        retries: 0,
      }),
    ]);
  });

  it('refuses a host that is not a Cloud site without any call', async () => {
    const { client, calls, activity } = setup([]);
    for (const host of ['evil.example', 'acme.atlassian.net/../x', 'acme.atlassian.net.evil.example']) {
      expect(await client.readTenantInfo(host)).toMatchObject({ ok: false, failure: { class: 'wrong-base-url' } });
    }
    expect(calls).toHaveLength(0);
    expect(activity.map((e) => e.status)).toEqual([null, null, null]);
  });

  it('says a site without tenant_info (404) is not a Cloud site', async () => {
    const { client } = setup([new Response('not found', { status: 404 })]);
    const result = await client.readTenantInfo('acme.atlassian.net');
    expect(result).toMatchObject({ ok: false, failure: { class: 'wrong-base-url', status: 404 } });
  });

  it('never stores a malformed body as a cloudId', async () => {
    const { client } = setup([jsonResponse({ cloudId: 'not-a-uuid' })]);
    expect(await client.readTenantInfo('acme.atlassian.net')).toMatchObject({ ok: false, failure: { class: 'malformed-response' } });
  });

  it('retries a 503 and a network error, honouring Retry-After', async () => {
    const { client, sleeps, activity } = setup([
      new Response('', { status: 503, headers: { 'Retry-After': '2' } }),
      networkError(),
      jsonResponse({ cloudId: CLOUD_ID }),
    ]);
    expect(await client.readTenantInfo('acme.atlassian.net')).toMatchObject({ ok: true, data: { cloudId: CLOUD_ID } });
    expect(sleeps[0]).toBe(2000);
    expect(activity).toEqual([expect.objectContaining({ retries: 2, outcome: 'ok' })]);
  });

  it('goes through the same retry path: Retry-After: 0 waits the floor of a second', async () => {
    const { client, sleeps, activity } = setup([new Response('', { status: 429, headers: { 'Retry-After': '0' } }), jsonResponse({ cloudId: CLOUD_ID })]);
    expect(await client.readTenantInfo('acme.atlassian.net')).toMatchObject({ ok: true, meta: { retries: 1 } });
    expect(sleeps).toEqual([1000]);
    expect(activity).toEqual([expect.objectContaining({ tokenLabel: '(no token)', status: 200, retries: 1, outcome: 'ok' })]);
  });

  it('does not follow a redirect: a cloudId read on another host would be that host’s', async () => {
    const OTHER_ID = '11111111-2222-4333-8444-555555555555';
    const elsewhere = 'https://evil.atlassian.net/_edge/tenant_info';
    const followed = () => {
      const r = jsonResponse({ cloudId: OTHER_ID });
      Object.defineProperty(r, 'url', { value: elsewhere });
      return r;
    };
    const { client, calls, activity } = setup([
      (_call, init) => (init?.redirect === 'manual' ? new Response(null, { status: 302, headers: { Location: elsewhere } }) : followed()),
      // A fetch that followed anyway: the answer's URL gives it away.
      () => followed(),
    ]);
    const redirected = await client.readTenantInfo('acme.atlassian.net');
    expect(redirected).toMatchObject({ ok: false, failure: { class: 'redirected', status: 302 } });
    if (!redirected.ok) expect(redirected.failure.message).toMatch(/^acme\.atlassian\.net answered with a redirect to another address \(evil\.atlassian\.net\)/);
    expect(calls[0]?.redirect).toBe('manual');
    expect(await client.readTenantInfo('acme.atlassian.net')).toMatchObject({ ok: false, failure: { class: 'redirected' } });
    expect(calls).toHaveLength(2);
    expect(JSON.stringify(activity)).not.toContain(OTHER_ID);
    expect(activity.map((e) => e.outcome)).toEqual(['redirected', 'redirected']);
  });

  it('reports a rate limit after retries run out', async () => {
    const limited = () => new Response('', { status: 429, headers: { 'Retry-After': '1' } });
    const { client } = setup([limited(), limited(), limited(), limited(), limited()]);
    expect(await client.readTenantInfo('acme.atlassian.net')).toMatchObject({ ok: false, failure: { class: 'rate-limited' } });
  });
});

describe('refuseWrite (the read-only guard before the secret is read)', () => {
  it('refuses and logs a write by a read-only token, without a call', () => {
    const { client, calls, activity } = setup([]);
    const failure = client.refuseWrite({
      credential: { label: 'Reader', readOnly: true },
      site: { kind: 'cloud', host: 'acme.atlassian.net' },
      operation: 'addContentWatcher',
    });
    expect(failure).toMatchObject({ class: 'read-only-refused' });
    expect(failure?.message).toMatch(/read-only/);
    expect(calls).toHaveLength(0);
    expect(activity).toEqual([
      expect.objectContaining({ tokenLabel: 'Reader', operation: 'addContentWatcher', method: 'POST', status: null, outcome: 'read-only-refused' }),
    ]);
  });

  it('lets reads, and writes by other tokens, through (and logs nothing)', () => {
    const { client, activity } = setup([]);
    const site = { kind: 'cloud', host: 'acme.atlassian.net' } as const;
    expect(client.refuseWrite({ credential: { label: 'Reader', readOnly: true }, site, operation: 'getContentWatchStatus' })).toBeUndefined();
    expect(client.refuseWrite({ credential: { label: 'Writer', readOnly: false }, site, operation: 'removeContentWatcher' })).toBeUndefined();
    expect(activity).toEqual([]);
  });
});
