import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { activityList } from './features/activity/messages';
import { actionRun } from './features/page-actions/messages';
import { tokensCheck } from './features/token-checks/messages';
import { tokensAdd, tokensRemove, tokensUpdate, vaultChangePassphrase, vaultUnlock } from './features/tokens/messages';

const input = { label: 'Work', kind: 'auto', email: 'ada@example.com', secret: 'fake-secret-0123456789', sites: ['acme.atlassian.net'] };

describe('token message schemas', () => {
  it('accept the documented shapes', () => {
    expect(z.safeParse(tokensAdd.input, { type: 'tokens-add', input }).success).toBe(true);
    expect(z.safeParse(tokensAdd.input, { type: 'tokens-add', input: { label: '', kind: 'nonsense' } }).success).toBe(true);
    expect(z.safeParse(tokensUpdate.input, { type: 'tokens-update', id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', input }).success).toBe(true);
    expect(z.safeParse(tokensCheck.input, { type: 'tokens-check', id: 'a1', site: 'acme.atlassian.net' }).success).toBe(true);
    expect(z.safeParse(actionRun.input, { type: 'action-run', action: 'unwatch', tabId: 1152428140 }).success).toBe(true);
  });

  it.each([
    ['a secret beside the input', tokensAdd.input, { type: 'tokens-add', input, secret: 'x' }],
    ['an unknown input field', tokensAdd.input, { type: 'tokens-add', input: { ...input, token: 'x' } }],
    ['an absurdly long secret', tokensAdd.input, { type: 'tokens-add', input: { ...input, secret: 'x'.repeat(8193) } }],
    ['too many sites', tokensAdd.input, { type: 'tokens-add', input: { ...input, sites: Array(201).fill('a.atlassian.net') } }],
    ['a numeric label', tokensAdd.input, { type: 'tokens-add', input: { ...input, label: 5 } }],
    ['an id with a slash', tokensRemove.input, { type: 'tokens-remove', id: 'a/b' }],
    ['an empty id', tokensRemove.input, { type: 'tokens-remove', id: '' }],
    ['a check of a non-Atlassian site', tokensCheck.input, { type: 'tokens-check', id: 'a1', site: 'evil.example' }],
    ['a check naming a URL', tokensCheck.input, { type: 'tokens-check', id: 'a1', url: 'https://acme.atlassian.net/x' }],
    ['an unknown action', actionRun.input, { type: 'action-run', action: 'delete', tabId: 1 }],
    ['an action naming a page other than by a content id', actionRun.input, { type: 'action-run', action: 'watch', tabId: 1, contentId: 'https://evil.example/5' }],
    ['a fractional tab id', actionRun.input, { type: 'action-run', action: 'watch', tabId: 1.5 }],
    ['an unknown filter', activityList.input, { type: 'activity-list', filter: 'secrets' }],
    ['a missing passphrase', vaultUnlock.input, { type: 'vault-unlock' }],
    ['a huge passphrase', vaultUnlock.input, { type: 'vault-unlock', passphrase: 'x'.repeat(1025) }],
    ['a missing new passphrase', vaultChangePassphrase.input, { type: 'vault-change-passphrase', oldPassphrase: 'a' }],
  ])('reject %s', (_name, schema, message) => {
    expect(z.safeParse(schema, message).success).toBe(false);
  });
});
