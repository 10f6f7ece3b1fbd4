import { describe, expect, it } from 'vitest';
import type { AtlassianClient } from '../../atlassian/client';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import type { CloudIdSource } from '../pages/cloud-id-source';
import type { TokenFormInput } from '../tokens/token-form-input';
import { createTokenVault } from '../tokens/token-vault';
import type { TokenSummary } from '../tokens/token-summary';
import { sendRoute } from './send-route';

const SECRET_A = 'fake-secret-alpha-0123456789abcdefghij-AAAA';
const SECRET_B = 'fake-secret-bravo-0123456789abcdefghij-BBBB';
const HOST = 'acme.atlassian.net';
const input: TokenFormInput = { label: 'Work', kind: 'auto', email: 'ada@example.com', secret: SECRET_A, expiresOn: '2025-06-08', sites: [HOST] };

/** An auto token, and a site that answers as a known user while, during the call, `duringProbe` runs. */
async function setup(duringProbe: () => Promise<unknown> = async () => {}) {
  const vault = createTokenVault({ local: createMemoryStorageArea(), session: createMemoryStorageArea(), now: () => new Date(2025, 2, 10) });
  const added = await vault.add(input);
  if (!added.ok) throw new Error('add failed');
  const client: Pick<AtlassianClient, 'request'> = {
    request: (async () => {
      await duringProbe();
      return { ok: true, status: 200, data: { type: 'known', accountId: 'acc-1', displayName: 'Ada' }, meta: {} };
    }) as unknown as AtlassianClient['request'],
  };
  const cloudIds: Pick<CloudIdSource, 'get'> = { get: async () => ({ ok: true, cloudId: 'cloud-1' }) };
  return { vault, token: added.token, deps: { vault, client, cloudIds } };
}

describe('sendRoute detecting an auto token', () => {
  it('records the detection against the revision the secret was read at', async () => {
    const { vault, token, deps } = await setup();
    const secret = await vault.getSecret(token.id);
    if (!secret.ok) throw new Error('no secret');
    expect(await sendRoute(deps, token, secret.secret, HOST, secret.secretRevision)).toMatchObject({ ok: true });
    expect((await vault.get(token.id))?.detected).toMatchObject([{ site: HOST, kind: 'classic' }]);
  });

  it('does not record a detection made with a secret replaced during the probe', async () => {
    {
      let replace = async (): Promise<unknown> => undefined;
      const { vault, token, deps } = await setup(() => replace());
      const secret = await vault.getSecret(token.id);
      if (!secret.ok) throw new Error('no secret');
      replace = () => vault.update(token.id, { ...input, secret: SECRET_B });
      const route = await sendRoute(deps, token, secret.secret, HOST, secret.secretRevision);
      expect(route).toMatchObject({ ok: true }); // this call still goes out with the secret it was given
      expect((await vault.get(token.id))?.detected).toEqual([]);
    }
  });
});

describe('sendRoute on a Data Center server', () => {
  const DC_KEY = 'https://confluence.dc.test/confluence';
  const PAT = 'fake-pat-charlie-0123456789abcdefghij-CCCC';
  const summary = (patch: Partial<TokenSummary>): TokenSummary => ({
    id: 'dc1',
    label: 'Server',
    kind: 'dc-pat',
    secretHint: '…CCCC',
    detected: [],
    mismatch: [],
    createdAt: '2025-03-10T10:00:00.000Z',
    sites: [],
    dcBaseUrl: 'https://Confluence.dc.test/confluence/',
    readOnly: true,
    revision: '0123456789abcdef',
    ...patch,
  });

  /** Deps that fail the test if anything is asked: a Data Center route needs no call and no cloudId. */
  function quietDeps() {
    const asked: string[] = [];
    const deps = {
      vault: { recordDetection: async () => void asked.push('recordDetection') },
      client: { request: (async () => void asked.push('request')) as unknown as AtlassianClient['request'] },
      cloudIds: { get: async () => (asked.push('cloudId'), { ok: true as const, cloudId: 'x' }) },
    };
    return { deps, asked };
  }

  it('sends its own PAT as a PAT to its base URL, without detection or cloudId', async () => {
    const { deps, asked } = quietDeps();
    const route = await sendRoute(deps, summary({}), PAT, DC_KEY, 1);
    expect(route).toEqual({
      ok: true,
      credential: { label: 'Server', kind: 'dc-pat', email: undefined, secret: PAT, readOnly: true },
      site: { kind: 'dc', baseUrl: DC_KEY, origin: 'https://confluence.dc.test' },
    });
    expect(asked).toEqual([]);
  });

  it('refuses a PAT of another server, a Cloud token on a server, and a PAT on a Cloud site, each with a sentence', async () => {
    const { deps, asked } = quietDeps();
    expect(await sendRoute(deps, summary({ dcBaseUrl: 'https://other.dc.test/confluence' }), PAT, DC_KEY, 1)).toMatchObject({
      ok: false,
      failure: { class: 'no-token', message: `“Server” is for https://other.dc.test/confluence, not for ${DC_KEY}.` },
    });
    const cloud = summary({ kind: 'auto', email: 'ada@example.com', dcBaseUrl: undefined, sites: [DC_KEY, HOST] });
    expect(await sendRoute(deps, cloud, SECRET_A, DC_KEY, 1)).toMatchObject({
      ok: false,
      failure: { class: 'no-token', message: `“Server” is an Atlassian Cloud token: it cannot be used on the Data Center server ${DC_KEY}.` },
    });
    expect(await sendRoute(deps, summary({}), PAT, HOST, 1)).toMatchObject({
      ok: false,
      failure: { class: 'no-token', message: `“Server” is a Data Center personal access token: it cannot be used on the Atlassian Cloud site ${HOST}.` },
    });
    // An auto token is not detected on a server: nothing was asked, nothing recorded.
    expect(asked).toEqual([]);
  });
});
