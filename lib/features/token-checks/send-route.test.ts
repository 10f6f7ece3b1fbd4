import { describe, expect, it } from 'vitest';
import type { AtlassianClient } from '../../atlassian/client';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import type { CloudIdSource } from '../pages/cloud-id-source';
import type { TokenFormInput } from '../tokens/token-form-input';
import { createTokenVault } from '../tokens/token-vault';
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
