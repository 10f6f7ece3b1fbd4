import { describe, expect, it, vi } from 'vitest';
import { API_TOKENS_URL } from '../../lib/atlassian/api-tokens-url';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { byTestId, expand, findAll, fire, one, textOf, type Element } from '../shared/vnode-tree.test-helper';
import { EMPTY_REPLACE_DRAFT, REPLACE_REMOVED, replaceWrite, visibleReplaceErrors } from './replace-draft';
import { ReplaceTokenView, type ReplaceTokenViewProps } from './ReplaceTokenView';
import { TokenRow } from './TokenRow';

const TODAY = '2026-11-22';
const attr = (e: Element, name: string) => e.props[name];
const noop = () => {};
const classic: TokenSummary = {
  id: 't1',
  label: 'Acme classic',
  email: 'ada@example.com',
  kind: 'classic',
  secretHint: '…Wd8c',
  detected: [],
  mismatch: [],
  expiresOn: '2026-11-25',
  createdAt: '2026-01-22T10:00:00.000Z',
  sites: ['acme.atlassian.net', 'globex.atlassian.net'],
  readOnly: true,
  revision: '00000000000000a1',
};
const { email: _noEmail, ...withoutEmail } = classic;
const dc: TokenSummary = { ...withoutEmail, id: 't2', label: 'DC server', kind: 'dc-pat', sites: [], readOnly: false, dcBaseUrl: 'https://confluence.example.com/confluence' };

const props = (patch: Partial<ReplaceTokenViewProps> = {}): ReplaceTokenViewProps => ({
  token: classic,
  removed: false,
  today: TODAY,
  locked: false,
  draft: EMPTY_REPLACE_DRAFT,
  errors: {},
  notice: null,
  saving: false,
  reloading: false,
  onField: noop,
  onLeave: noop,
  onSubmit: noop,
  onReload: noop,
  onCancel: noop,
  ...patch,
});
const render = (patch: Partial<ReplaceTokenViewProps> = {}) => expand(<ReplaceTokenView {...props(patch)} />);

describe('ReplaceTokenView', () => {
  it('shows what is kept, not as fields, and asks only for the new secret and expiry', () => {
    const nodes = render();
    expect(textOf([one(nodes, 'replace-kept-label')])).toBe('Acme classic');
    expect(textOf([one(nodes, 'replace-kept-kind')])).toBe('classic token');
    expect(textOf([one(nodes, 'replace-kept-email')])).toBe('ada@example.com');
    expect(textOf([one(nodes, 'replace-kept-sites')])).toBe('acme.atlassian.net, globex.atlassian.net');
    expect(textOf([one(nodes, 'replace-kept-read-only')])).toMatch(/^yes/);
    expect(textOf([one(nodes, 'replace-kept-secret')])).toBe('the saved token …Wd8c, expiring 2026-11-25');
    // The only controls: the two fields, three quick picks and the buttons.
    const inputs = findAll([one(nodes, 'replace-form')], (e) => e.tag === 'input');
    expect(inputs.map((i) => attr(i, 'data-testid'))).toEqual(['replace-secret', 'replace-expiry']);
    expect(attr(one(nodes, 'replace-secret'), 'type')).toBe('password');
    expect(attr(one(nodes, 'replace-secret'), 'required')).toBe(true);
    expect(attr(one(nodes, 'replace-expiry'), 'required')).toBe(true);
    expect(attr(one(nodes, 'replace-expiry'), 'min')).toBe('2026-11-23');
    expect(attr(one(nodes, 'replace-expiry'), 'max')).toBe('2027-11-22');
    expect(attr(one(nodes, 'replace-tokens-page'), 'href')).toBe(API_TOKENS_URL);
    expect(textOf([one(nodes, 'replace-save')])).toBe('Replace token');
    for (const id of ['replace-locked', 'replace-stale', 'replace-removed', 'replace-error']) expect(byTestId(nodes, id)).toHaveLength(0);
  });

  it('for a Data Center token: the server, an optional date, no Atlassian link or quick picks', () => {
    const nodes = render({ token: dc });
    expect(textOf([one(nodes, 'replace-kept-sites')])).toBe('https://confluence.example.com/confluence');
    expect(byTestId(nodes, 'replace-kept-email')).toHaveLength(0);
    expect(byTestId(nodes, 'replace-tokens-page')).toHaveLength(0);
    expect(byTestId(nodes, 'replace-quick-pick-30')).toHaveLength(0);
    expect(attr(one(nodes, 'replace-expiry'), 'required')).toBe(false);
    expect(textOf(nodes)).toContain('New expiry date (optional)');
    expect(textOf(nodes)).toContain('New personal access token');
  });

  it('ties each message to its field, and passes typing and quick picks on', () => {
    const onField = vi.fn();
    const onLeave = vi.fn();
    const nodes = render({ errors: { secret: 'Paste the new token.' }, onField, onLeave });
    const secret = one(nodes, 'replace-secret');
    expect(attr(secret, 'aria-invalid')).toBe('true');
    expect(attr(secret, 'aria-describedby')).toBe('replace-secret-help replace-error-secret');
    expect(textOf([one(nodes, 'replace-error-secret')])).toBe('Paste the new token.');
    expect(attr(one(nodes, 'replace-expiry'), 'aria-invalid')).toBeUndefined();
    fire(secret, 'onInput', { currentTarget: { value: 'typed' } });
    expect(onField).toHaveBeenCalledWith('secret', 'typed');
    fire(one(nodes, 'replace-quick-pick-90'), 'onClick');
    expect(onField).toHaveBeenCalledWith('expiresOn', '2027-02-20');
    expect(onLeave).toHaveBeenCalledWith('expiresOn');
  });

  it('says locked, stale (with Reload), removed and other problems in sentences, keeping what was typed', () => {
    const draft = { secret: 'fake-typed-secret-0123', expiresOn: '2027-01-31' };
    const locked = render({ locked: true, draft });
    expect(textOf([one(locked, 'replace-locked')])).toContain('unlock them under Passphrase lock first');
    const onReload = vi.fn();
    const stale = render({ draft, notice: { kind: 'stale', message: 'Changed elsewhere.' }, onReload });
    expect(attr(one(stale, 'replace-stale'), 'role')).toBe('alert');
    fire(one(stale, 'replace-reload'), 'onClick');
    expect(onReload).toHaveBeenCalledOnce();
    expect(attr(one(stale, 'replace-secret'), 'value')).toBe('fake-typed-secret-0123');
    expect(attr(one(stale, 'replace-expiry'), 'value')).toBe('2027-01-31');
    const removed = render({ draft, removed: true });
    expect(textOf([one(removed, 'replace-removed')])).toBe(REPLACE_REMOVED);
    expect(textOf([one(removed, 'replace-save')])).toBe('Save as a new token');
    const error = render({ notice: { kind: 'error', message: 'The extension’s background did not answer.' } });
    expect(textOf([one(error, 'replace-error')])).toBe('The extension’s background did not answer.');
    expect(textOf([one(render({ saving: true }), 'replace-save')])).toBe('Saving…');
  });
});

describe('what “Replace token” sends', () => {
  it('the new secret and expiry, based on the revision the form was opened on', () => {
    expect(replaceWrite(classic, false, { secret: 'new', expiresOn: ' 2027-01-31 ' })).toEqual({ kind: 'replace', id: 't1', revision: '00000000000000a1', secret: 'new', expiresOn: '2027-01-31' });
    expect(replaceWrite(dc, false, { secret: 'new', expiresOn: '' })).toEqual({ kind: 'replace', id: 't2', revision: '00000000000000a1', secret: 'new' });
  });

  it('a new token with everything the removed one kept, when it was removed meanwhile', () => {
    expect(replaceWrite(classic, true, { secret: 'new', expiresOn: '2027-01-31' })).toEqual({
      kind: 'add',
      input: { label: 'Acme classic', kind: 'classic', email: 'ada@example.com', secret: 'new', expiresOn: '2027-01-31', sites: ['acme.atlassian.net', 'globex.atlassian.net'], readOnly: true },
    });
  });

  it('shows a field’s message once the person left it, every message after Replace', () => {
    const errors = { secret: 'a', expiresOn: 'b' };
    expect(visibleReplaceErrors(errors, new Set())).toEqual({});
    expect(visibleReplaceErrors(errors, new Set(['expiresOn']))).toEqual({ expiresOn: 'b' });
    expect(visibleReplaceErrors(errors, 'all')).toEqual(errors);
  });
});

describe('TokenRow and “Replace token”', () => {
  const row = (patch: Record<string, unknown> = {}) =>
    expand(<TokenRow token={classic} today={TODAY} onCheck={noop} onEdit={noop} onRemove={noop} onGrantPermission={noop} {...patch} />);

  it('offers the button where the page handles it, and says when the token was just replaced', () => {
    expect(byTestId(row(), 'token-replace')).toHaveLength(0);
    const onReplace = vi.fn();
    fire(one(row({ onReplace }), 'token-replace'), 'onClick');
    expect(onReplace).toHaveBeenCalledOnce();
    expect(textOf([one(row({ onReplace, replaced: true, check: { running: true } }), 'token-replaced')])).toBe('Token replaced; checking it now…');
    expect(textOf([one(row({ onReplace, replaced: true, check: { running: false, results: [] } }), 'token-replaced')])).toBe('Token replaced.');
  });
});
