import { describe, expect, it } from 'vitest';
import { describeDcPat, detectKind, REJECTED_SENTENCE, type ProbeOutcome, type ProbeTarget } from './detect-kind';

const SITE = 'acme.atlassian.net';
const CLOUD_ID = '11111111-2222-4333-8444-555555555555';
const ADA: ProbeOutcome = { ok: true, identity: { type: 'known', accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ada Example' } };
const ANONYMOUS: ProbeOutcome = { ok: true, identity: { type: 'anonymous' } };
const UNAUTHORIZED: ProbeOutcome = { ok: false, status: 401, failureClass: 'invalid-token' };

function setup(outcomes: { classic?: ProbeOutcome; scoped?: ProbeOutcome }, cloudId: () => Promise<string | undefined> = async () => CLOUD_ID) {
  const calls: ProbeTarget[] = [];
  const cloudIdCalls: string[] = [];
  return {
    calls,
    cloudIdCalls,
    run: () =>
      detectKind({
        site: SITE,
        async probe(target) {
          calls.push(target);
          const outcome = outcomes[target.kind];
          if (!outcome) throw new Error(`unexpected ${target.kind} probe`);
          return outcome;
        },
        getCloudId(site) {
          cloudIdCalls.push(site);
          return cloudId();
        },
      }),
  };
}

describe('detecting a Cloud token kind', () => {
  it('detects a classic token from the site alone', async () => {
    const s = setup({ classic: ADA });
    const result = await s.run();
    expect(result).toEqual({
      kind: 'classic',
      site: SITE,
      identity: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ada Example' },
      sentence: 'This is a classic token: calls go to https://acme.atlassian.net/wiki/rest/api/. It signs in as Ada Example.',
    });
    expect(s.calls).toEqual([{ kind: 'classic' }]);
    expect(s.cloudIdCalls).toEqual([]);
  });

  it('detects a scoped token: 401 on the site, 200 on the gateway', async () => {
    const s = setup({ classic: UNAUTHORIZED, scoped: ADA });
    const result = await s.run();
    expect(result).toMatchObject({ kind: 'scoped', cloudId: CLOUD_ID, identity: { accountId: '5b10ac8d82e05b22cc7d4ef5' } });
    expect(result.sentence).toBe(
      `This is a scoped token: calls go through api.atlassian.com/ex/confluence/${CLOUD_ID}. It signs in as Ada Example.`,
    );
    expect(s.calls).toEqual([{ kind: 'classic' }, { kind: 'scoped', cloudId: CLOUD_ID }]);
    expect(s.cloudIdCalls).toEqual([SITE]);
  });

  it('treats a 403 on the site like a 401: maybe scoped, so it tries the gateway', async () => {
    const s = setup({ classic: { ok: false, status: 403, failureClass: 'no-permission-or-not-found' }, scoped: ADA });
    expect(await s.run()).toMatchObject({ kind: 'scoped', cloudId: CLOUD_ID });
    expect(s.calls).toEqual([{ kind: 'classic' }, { kind: 'scoped', cloudId: CLOUD_ID }]);
  });

  it('never calls a token classic because the gateway refused it: only the site probe decides', async () => {
    const s = setup({
      classic: { ok: false, status: 403, failureClass: 'no-confluence-access' },
      scoped: { ok: false, status: 401, failureCategory: 'FAILURE_CLIENT_AUTH_MISMATCH', failureClass: 'invalid-token' },
    });
    const result = await s.run();
    expect(result).toMatchObject({ kind: 'unknown', reason: 'rejected' });
    expect(result.sentence).not.toMatch(/classic token/);
  });

  it('does not trust an anonymous 200 on the site: goes on to the gateway', async () => {
    const s = setup({ classic: ANONYMOUS, scoped: ADA });
    expect(await s.run()).toMatchObject({ kind: 'scoped' });
    expect(s.calls.map((c) => c.kind)).toEqual(['classic', 'scoped']);
  });

  it('treats a known-type answer without accountId as anonymous too', async () => {
    const s = setup({ classic: { ok: true, identity: { type: 'known' } }, scoped: ADA });
    expect(await s.run()).toMatchObject({ kind: 'scoped' });
  });

  it('also reads the request client classifying the anonymous fallback as a failure', async () => {
    const s = setup({ classic: { ok: false, status: 200, failureClass: 'anonymous-fallback' }, scoped: ADA });
    expect(await s.run()).toMatchObject({ kind: 'scoped' });
  });

  it('says scoped when the gateway accepts the token but its scopes cannot read the user', async () => {
    const s = setup({
      classic: UNAUTHORIZED,
      scoped: { ok: false, status: 401, failureCategory: 'FAILURE_CLIENT_SCOPE_CHECK', failureClass: 'missing-scope' },
    });
    const result = await s.run();
    expect(result).toMatchObject({ kind: 'scoped', cloudId: CLOUD_ID });
    expect('identity' in result).toBe(false);
    expect(result.sentence).toMatch(/Its scopes do not let it read the current user/);
  });

  it('says neither accepted it when both fail', async () => {
    const s = setup({
      classic: UNAUTHORIZED,
      scoped: { ok: false, status: 401, failureCategory: 'FAILURE_CLIENT_AUTH_MISMATCH', failureClass: 'invalid-token' },
    });
    expect(await s.run()).toEqual({ kind: 'unknown', site: SITE, reason: 'rejected', sentence: REJECTED_SENTENCE });
    expect(REJECTED_SENTENCE).toMatch(/^Neither the site nor the gateway accepted this token: it may be wrong, expired or revoked/);
  });

  it('says neither accepted it when both answer as the anonymous user', async () => {
    const s = setup({ classic: ANONYMOUS, scoped: ANONYMOUS });
    expect(await s.run()).toMatchObject({ kind: 'unknown', reason: 'rejected' });
  });

  it('explains that the gateway could not be tried without a cloudId (failure or nothing)', async () => {
    for (const getCloudId of [async () => { throw new Error('tenant_info unreachable'); }, async () => undefined, async () => '  ']) {
      const s = setup({ classic: UNAUTHORIZED }, getCloudId);
      const result = await s.run();
      expect(result).toMatchObject({ kind: 'unknown', reason: 'no-cloud-id' });
      expect(result.sentence).toMatch(/cloudId could not be found, so it could not be tried as a scoped token/);
      expect(s.calls).toEqual([{ kind: 'classic' }]);
    }
  });

  it('does not guess when the site cannot answer', async () => {
    for (const [outcome, words] of [
      [{ ok: false, failureClass: 'offline' }, 'could not be reached'],
      [{ ok: false, status: 503, failureClass: 'server-error' }, 'had a server error (HTTP 503)'],
      [{ ok: false, status: 429, failureClass: 'rate-limited' }, 'is limiting requests (HTTP 429)'],
      [{ ok: false, status: 200, failureClass: 'malformed-response' }, 'gave an unexpected answer (HTTP 200)'],
    ] as const) {
      const s = setup({ classic: outcome });
      const result = await s.run();
      expect(result).toMatchObject({ kind: 'unknown', reason: 'inconclusive' });
      expect(result.sentence).toBe(`The token could not be checked: ${SITE} ${words}. Try again later.`);
      expect(s.calls).toHaveLength(1);
    }
  });

  it('does not call a token rejected when the gateway cannot answer', async () => {
    const s = setup({ classic: UNAUTHORIZED, scoped: { ok: false, status: 502, failureClass: 'server-error' } });
    const result = await s.run();
    expect(result).toMatchObject({ kind: 'unknown', reason: 'inconclusive' });
    expect(result.sentence).toMatch(/api\.atlassian\.com had a server error \(HTTP 502\), so whether it is a scoped token is not known yet/);
  });

  it('treats a probe that throws as unreachable, not as a crash', async () => {
    const result = await detectKind({
      site: SITE,
      probe: async () => { throw new TypeError('Failed to fetch'); },
      getCloudId: async () => CLOUD_ID,
    });
    expect(result).toMatchObject({ kind: 'unknown', reason: 'inconclusive' });
  });

  it('says a Data Center PAT needs no detection', () => {
    expect(describeDcPat('https://confluence.dc.test/confluence')).toBe(
      'This is a Data Center personal access token: it is sent as a Bearer token to https://confluence.dc.test/confluence/rest/api/. There is no kind to detect.',
    );
  });
});
