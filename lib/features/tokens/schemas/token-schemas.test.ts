import { describe, expect, it } from 'vitest';
import { actionRunMessageSchema } from '../../page-actions/schemas/action-run';
import { activityListMessageSchema } from '../../activity/schemas/activity';
import { tokensCheckMessageSchema, tokensRemoveMessageSchema } from './tokens';
import { tokensAddMessageSchema, tokensUpdateMessageSchema } from './token-write';
import { vaultChangePassphraseMessageSchema, vaultUnlockMessageSchema } from './vault';

const input = { label: 'Work', kind: 'auto', email: 'ada@example.com', secret: 'fake-secret-0123456789', sites: ['acme.atlassian.net'] };

describe('token message schemas', () => {
  it('accept the documented shapes', () => {
    expect(tokensAddMessageSchema.safeParse({ type: 'tokens-add', input }).success).toBe(true);
    expect(tokensAddMessageSchema.safeParse({ type: 'tokens-add', input: { label: '', kind: 'nonsense' } }).success).toBe(true);
    expect(tokensUpdateMessageSchema.safeParse({ type: 'tokens-update', id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', input }).success).toBe(true);
    expect(tokensCheckMessageSchema.safeParse({ type: 'tokens-check', id: 'a1', site: 'acme.atlassian.net' }).success).toBe(true);
    expect(actionRunMessageSchema.safeParse({ type: 'action-run', action: 'unwatch', tabId: 1152428140 }).success).toBe(true);
  });

  it.each([
    ['a secret beside the input', tokensAddMessageSchema, { type: 'tokens-add', input, secret: 'x' }],
    ['an unknown input field', tokensAddMessageSchema, { type: 'tokens-add', input: { ...input, token: 'x' } }],
    ['an absurdly long secret', tokensAddMessageSchema, { type: 'tokens-add', input: { ...input, secret: 'x'.repeat(8193) } }],
    ['too many sites', tokensAddMessageSchema, { type: 'tokens-add', input: { ...input, sites: Array(201).fill('a.atlassian.net') } }],
    ['a numeric label', tokensAddMessageSchema, { type: 'tokens-add', input: { ...input, label: 5 } }],
    ['an id with a slash', tokensRemoveMessageSchema, { type: 'tokens-remove', id: 'a/b' }],
    ['an empty id', tokensRemoveMessageSchema, { type: 'tokens-remove', id: '' }],
    ['a check of a non-Atlassian site', tokensCheckMessageSchema, { type: 'tokens-check', id: 'a1', site: 'evil.example' }],
    ['a check naming a URL', tokensCheckMessageSchema, { type: 'tokens-check', id: 'a1', url: 'https://acme.atlassian.net/x' }],
    ['an unknown action', actionRunMessageSchema, { type: 'action-run', action: 'delete', tabId: 1 }],
    ['an action naming a page', actionRunMessageSchema, { type: 'action-run', action: 'watch', tabId: 1, contentId: '5' }],
    ['a fractional tab id', actionRunMessageSchema, { type: 'action-run', action: 'watch', tabId: 1.5 }],
    ['an unknown filter', activityListMessageSchema, { type: 'activity-list', filter: 'secrets' }],
    ['a missing passphrase', vaultUnlockMessageSchema, { type: 'vault-unlock' }],
    ['a huge passphrase', vaultUnlockMessageSchema, { type: 'vault-unlock', passphrase: 'x'.repeat(1025) }],
    ['a missing new passphrase', vaultChangePassphraseMessageSchema, { type: 'vault-change-passphrase', oldPassphrase: 'a' }],
  ])('reject %s', (_name, schema, message) => {
    expect(schema.safeParse(message).success).toBe(false);
  });
});
