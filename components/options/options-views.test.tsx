import type { VNode } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { SiteCheckResult } from '../../lib/features/token-checks/token-check-result';
import type { ActivityEntry } from '../../lib/atlassian/activity-log';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { byTestId, expand, findAll, fire, one, textOf, type Element, type Node } from '../shared/vnode-tree.test-helper';
import { ActivityLog } from '../activity/ActivityLog';
import { detectionSentence } from '../token-checks/detection-sentence';
import { OptionsPage, type OptionsActions, type OptionsData } from './OptionsPage';
import { PassphrasePanel } from '../tokens/PassphrasePanel';
import { PassphraseView, type PassphraseViewProps } from '../tokens/PassphraseView';
import { draftToInput, initialDraft, visibleErrors, type TokenDraft } from '../tokens/token-draft';
import { TokenForm } from '../tokens/TokenForm';
import { TokenFormView, type TokenFormViewProps } from '../tokens/TokenFormView';
import { tokenFormViewProps } from '../tokens/token-form-view-props.test-helper';
import { TokenRow } from '../tokens/TokenRow';

const TODAY = '2026-11-22';
const noop = () => {};
const classic: TokenSummary = {
  id: 't1',
  label: 'Acme classic',
  email: 'ada@example.com',
  kind: 'classic',
  secretHint: '…Wd8c',
  detected: [{ site: 'acme.atlassian.net', kind: 'classic', checkedAt: '2026-11-22T10:00:00.000Z', identity: { accountId: 'a1', displayName: 'Ada Example' } }],
  mismatch: [],
  expiresOn: '2027-02-20',
  createdAt: '2026-11-22T10:00:00.000Z',
  sites: [],
  readOnly: false,
  revision: '00000000000000a1',
};
const dc: TokenSummary = {
  id: 't2',
  label: 'DC server',
  kind: 'dc-pat',
  secretHint: '…9f2Q',
  detected: [],
  mismatch: [],
  createdAt: '2026-11-22T10:00:00.000Z',
  sites: [],
  dcBaseUrl: 'https://confluence.example.com/confluence',
  readOnly: false,
  revision: '00000000000000d1',
};
const attr = (e: Element, name: string) => e.props[name];

describe('TokenFormView', () => {
  const draft = (patch: Partial<TokenDraft> = {}): TokenDraft => ({ ...initialDraft(undefined), ...patch });
  const props = (patch: Partial<TokenFormViewProps> = {}): TokenFormViewProps =>
    tokenFormViewProps({ knownCloudSites: ['acme.atlassian.net', 'globex.atlassian.net'], today: TODAY, draft: draft(), ...patch });
  const render = (patch: Partial<TokenFormViewProps> = {}) => expand(<TokenFormView {...props(patch)} />);

  it('offers the four kinds, each with its own one-line help, and the Cloud fields', () => {
    const nodes = render();
    for (const kind of ['auto', 'classic', 'scoped', 'dc-pat']) {
      const radio = one(nodes, `field-kind-${kind}`);
      expect(attr(radio, 'type')).toBe('radio');
      const help = findAll(nodes, (e) => e.props.id === attr(radio, 'aria-describedby'));
      expect(help).toHaveLength(1);
      expect(textOf(help).length).toBeGreaterThan(20);
    }
    expect(attr(one(nodes, 'field-kind-auto'), 'checked')).toBe(true);
    expect(textOf(nodes)).toContain('api.atlassian.com/ex/confluence/<cloudId>');
    for (const id of ['field-label', 'field-email', 'field-secret', 'field-expiry', 'field-sites', 'field-read-only', 'save-token']) one(nodes, id);
    expect(byTestId(nodes, 'field-dc-base-url')).toHaveLength(0);
    expect(attr(one(nodes, 'field-secret'), 'type')).toBe('password');
    // Every detected Cloud site is a checkbox; none ticked means every site.
    expect(byTestId(nodes, 'field-site-acme.atlassian.net')).toHaveLength(1);
    expect(byTestId(nodes, 'field-site-globex.atlassian.net')).toHaveLength(1);
  });

  it('for a Data Center PAT shows the base URL and hides the email, sites and quick picks', () => {
    const nodes = render({ draft: draft({ kind: 'dc-pat' }) });
    one(nodes, 'field-dc-base-url');
    expect(byTestId(nodes, 'field-email')).toHaveLength(0);
    expect(byTestId(nodes, 'field-sites')).toHaveLength(0);
    expect(byTestId(nodes, 'quick-pick-30')).toHaveLength(0);
    expect(textOf(nodes)).toContain('Expiry date (optional)');
  });

  it('puts each message next to its field, tied to it, and keeps what was typed', () => {
    const nodes = render({
      draft: draft({ label: 'Mine', email: 'not-an-email', expiresOn: '2020-01-01' }),
      errors: { email: 'This is not an email address.', expiresOn: 'Choose a date from …', secret: 'Paste the token.' },
    });
    for (const [field, control] of [
      ['email', 'field-email'],
      ['expiresOn', 'field-expiry'],
      ['secret', 'field-secret'],
    ] as const) {
      const message = one(nodes, `field-error-${field}`);
      expect(attr(message, 'role')).toBe('alert');
      expect(attr(one(nodes, control), 'aria-invalid')).toBe('true');
      expect(String(attr(one(nodes, control), 'aria-describedby'))).toContain(attr(message, 'id') as string);
    }
    expect(attr(one(nodes, 'field-label'), 'aria-invalid')).toBeUndefined();
    expect(attr(one(nodes, 'field-email'), 'value')).toBe('not-an-email');
    expect(attr(one(nodes, 'field-expiry'), 'value')).toBe('2020-01-01');
  });

  it('quick picks set the expiry 30, 90 or 365 days from today', () => {
    const onField = vi.fn();
    const nodes = render({ onField });
    fire(one(nodes, 'quick-pick-30'), 'onClick');
    fire(one(nodes, 'quick-pick-365'), 'onClick');
    expect(onField.mock.calls).toEqual([
      ['expiresOn', '2026-12-22'],
      ['expiresOn', '2027-11-22'],
    ]);
    expect(textOf([one(nodes, 'quick-pick-90')])).toBe('Created today, expires in 90 days');
    expect(attr(one(nodes, 'field-expiry'), 'min')).toBe('2026-11-23');
    expect(attr(one(nodes, 'field-expiry'), 'max')).toBe('2027-11-22');
  });

  it('when editing, the secret stays empty and says the saved one is kept', () => {
    const nodes = render({ editing: classic, draft: initialDraft(classic) });
    expect(attr(one(nodes, 'field-secret'), 'value')).toBe('');
    expect(String(attr(one(nodes, 'field-secret'), 'placeholder'))).toContain('…Wd8c');
    expect(attr(one(nodes, 'field-label'), 'value')).toBe('Acme classic');
    expect(textOf([one(nodes, 'save-token')])).toBe('Save changes');
  });

  it('says "Unlock first" when adding while locked, and shows a problem with the whole form', () => {
    const nodes = render({ locked: true, formError: 'Your tokens are locked.' });
    expect(textOf([one(nodes, 'form-locked')])).toContain('Unlock first');
    expect(attr(one(nodes, 'form-error'), 'role')).toBe('alert');
  });
});

describe('token drafts', () => {
  it('sends only the fields of the chosen kind, and other sites typed as a list', () => {
    const cloud = { ...initialDraft(undefined), label: 'L', email: 'a@example.com', secret: 's3cr3t', sites: ['acme.atlassian.net'], otherSites: 'globex.atlassian.net, initech.atlassian.net', dcBaseUrl: 'https://x.example.com' };
    expect(draftToInput(cloud)).toEqual({
      label: 'L',
      kind: 'auto',
      email: 'a@example.com',
      sites: ['acme.atlassian.net', 'globex.atlassian.net', 'initech.atlassian.net'],
      secret: 's3cr3t',
      readOnly: false,
    });
    const asDc = draftToInput({ ...cloud, kind: 'dc-pat', secret: '' });
    expect(asDc).toEqual({ label: 'L', kind: 'dc-pat', dcBaseUrl: 'https://x.example.com', readOnly: false });
  });

  it('shows a message only for fields the person has left, all of them after Save', () => {
    const errors = { label: 'a', email: 'b' };
    expect(visibleErrors(errors, new Set())).toEqual({});
    expect(visibleErrors(errors, new Set(['email'] as const))).toEqual({ email: 'b' });
    expect(visibleErrors(errors, 'all')).toEqual(errors);
  });
});

describe('PassphraseView', () => {
  const props = (patch: Partial<PassphraseViewProps> = {}): PassphraseViewProps => ({
    lock: 'none',
    fields: { current: '', next: '', confirm: '' },
    message: null,
    busy: false,
    minLength: 10,
    onField: noop,
    onSet: noop,
    onChange: noop,
    onRemove: noop,
    onUnlock: noop,
    onLock: noop,
    ...patch,
  });
  const render = (patch: Partial<PassphraseViewProps> = {}) => expand(<PassphraseView {...props(patch)} />);

  it('without a passphrase, asks for it twice and refuses two that differ', () => {
    const nodes = render({ fields: { current: '', next: 'one passphrase', confirm: 'another one' } });
    expect(attr(one(nodes, 'lock-state'), 'data-lock')).toBe('none');
    expect(attr(one(nodes, 'passphrase-mismatch'), 'role')).toBe('alert');
    expect(attr(one(nodes, 'passphrase-confirm'), 'aria-invalid')).toBe('true');
    expect(attr(one(nodes, 'passphrase-set'), 'disabled')).toBe(true);
    expect(byTestId(nodes, 'unlock-passphrase')).toHaveLength(0);
    const same = render({ fields: { current: '', next: 'same passphrase', confirm: 'same passphrase' } });
    expect(attr(one(same, 'passphrase-set'), 'disabled')).toBe(false);
    expect(byTestId(same, 'passphrase-mismatch')).toHaveLength(0);
  });

  it('when locked, shows only the unlock form; a wrong passphrase is announced on the field', () => {
    const onUnlock = vi.fn();
    const nodes = render({ lock: 'locked', fields: { current: 'wrong', next: '', confirm: '' }, message: { ok: false, text: 'That passphrase is not the one.' }, onUnlock });
    expect(byTestId(nodes, 'passphrase-set')).toHaveLength(0);
    expect(byTestId(nodes, 'passphrase-lock')).toHaveLength(0);
    const message = one(nodes, 'passphrase-message');
    expect(attr(message, 'role')).toBe('alert');
    expect(attr(one(nodes, 'unlock-passphrase'), 'aria-describedby')).toBe('passphrase-message');
    expect(attr(one(nodes, 'unlock-passphrase'), 'value')).toBe('wrong');
    const form = findAll(nodes, (e) => e.tag === 'form');
    expect(form).toHaveLength(1);
    fire(form[0]!, 'onSubmit');
    expect(onUnlock).toHaveBeenCalledOnce();
  });

  it('when unlocked, offers lock now, change and remove', () => {
    const onLock = vi.fn();
    const nodes = render({ lock: 'unlocked', onLock });
    for (const id of ['passphrase-lock', 'passphrase-old', 'passphrase-new', 'passphrase-confirm', 'passphrase-change', 'passphrase-remove']) one(nodes, id);
    fire(one(nodes, 'passphrase-lock'), 'onClick');
    expect(onLock).toHaveBeenCalledOnce();
    // Change and remove need the current passphrase first.
    expect(attr(one(nodes, 'passphrase-remove'), 'disabled')).toBe(true);
  });
});

describe('TokenRow', () => {
  const render = (token: TokenSummary, extra: { locked?: boolean; check?: { running: boolean; results?: SiteCheckResult[] } } = {}) =>
    expand(<TokenRow token={token} today={TODAY} {...extra} onCheck={noop} onEdit={noop} onRemove={noop} onGrantPermission={noop} />);

  it('says what detection found on each site, and which sites when none is named', () => {
    const nodes = render(classic);
    expect(textOf([one(nodes, 'token-detected')])).toContain('On acme.atlassian.net, a classic token: calls go to https://acme.atlassian.net/wiki/rest/api/, signed in as Ada Example.');
    expect(textOf([one(nodes, 'token-sites')])).toContain('none chosen yet');
    expect(attr(one(nodes, 'token-expiry'), 'data-state')).toBe('ok');
    expect(textOf(nodes)).toContain('90 days left');
    expect(byTestId(nodes, 'token-read-only')).toHaveLength(0);
  });

  it('while locked, Check is disabled and says to unlock first', () => {
    const nodes = render(classic, { locked: true });
    const check = one(nodes, 'token-check');
    expect(attr(check, 'disabled')).toBe(true);
    const note = one(nodes, 'token-unlock-first');
    expect(attr(check, 'aria-describedby')).toBe(attr(note, 'id'));
    expect(textOf([note])).toContain('Unlock first');
    expect(attr(one(render(classic), 'token-check'), 'disabled')).toBe(false);
  });

  it('offers to grant access to a Data Center server when the check needs it', () => {
    const needsPermission: SiteCheckResult = {
      site: 'confluence.example.com',
      kind: 'dc-pat',
      ok: false,
      sentence: 'Allow access to https://confluence.example.com first.',
      failure: { class: 'permission-needed', message: 'The browser has not allowed access.', fix: 'Press Allow access.' },
    };
    const onGrantPermission = vi.fn();
    const nodes = expand(
      <TokenRow token={dc} today={TODAY} check={{ running: false, results: [needsPermission] }} onCheck={noop} onEdit={noop} onRemove={noop} onGrantPermission={onGrantPermission} />,
    );
    expect(textOf([one(nodes, 'token-sites')])).toBe('https://confluence.example.com/confluence');
    expect(attr(one(nodes, 'token-expiry'), 'data-state')).toBe('no-expiry');
    fire(one(nodes, 'token-grant-permission'), 'onClick');
    expect(onGrantPermission).toHaveBeenCalledWith('https://confluence.example.com');
    expect(byTestId(render(dc), 'token-grant-permission')).toHaveLength(0);
  });
});

describe('detectionSentence', () => {
  it('names the gateway for a scoped token', () => {
    expect(detectionSentence({ site: 'globex.atlassian.net', kind: 'scoped', checkedAt: '' })).toBe(
      'On globex.atlassian.net, a scoped token: calls go through api.atlassian.com/ex/confluence/<cloudId of globex.atlassian.net>.',
    );
  });
});

describe('ActivityLog', () => {
  const entry: ActivityEntry = {
    time: '2026-11-22T10:00:00.000Z',
    tokenLabel: 'Acme classic',
    site: 'acme.atlassian.net',
    operation: 'getCurrentUser',
    method: 'GET',
    path: '/wiki/rest/api/user/current',
    status: 429,
    durationMs: 1234.4,
    outcome: 'rate-limited',
    retries: 3,
  } as ActivityEntry;

  it('shows each call in its columns, with the filters, exports and clear', () => {
    const onExport = vi.fn();
    const onFilter = vi.fn();
    const nodes = expand(<ActivityLog entries={[entry]} filter="all" onFilter={onFilter} onRefresh={noop} onExport={onExport} onClear={noop} />);
    const row = one(nodes, 'activity-row');
    const cells = row.children.filter((c): c is Element => typeof c !== 'string').map((c) => textOf(c.children));
    expect(cells.slice(1)).toEqual(['Acme classic', 'acme.atlassian.net', 'GET', '/wiki/rest/api/user/current', '429', '1234 ms', 'rate-limited', '3']);
    const headers = byTestId(nodes, 'activity-table').flatMap((t) => t.children);
    expect(textOf(headers)).toContain('Retries');
    const filter = one(nodes, 'activity-filter');
    expect(filter.children.map((o) => (typeof o === 'string' ? o : o.props.value))).toEqual(['all', 'failures', 'auth', 'forbidden', 'rate-limited']);
    fire(filter, 'onChange', { currentTarget: { value: 'rate-limited' } });
    expect(onFilter).toHaveBeenCalledWith('rate-limited');
    fire(one(nodes, 'export-csv'), 'onClick');
    fire(one(nodes, 'export-json'), 'onClick');
    expect(onExport.mock.calls).toEqual([['csv'], ['json']]);
    one(nodes, 'clear-activity');
  });
});

describe('OptionsPage', () => {
  const actions = (patch: Partial<OptionsActions> = {}): OptionsActions => ({
    onStartAdd: noop,
    onEdit: noop,
    onCancelEdit: noop,
    onSave: () => Promise.resolve({ ok: false, reason: 'locked', message: 'x' }),
    onReloadToken: () => Promise.resolve(undefined),
    onValidate: () => ({}),
    onRemove: noop,
    onCheck: noop,
    onGrantPermission: noop,
    onSetPassphrase: () => Promise.resolve({ ok: true }),
    onChangePassphrase: () => Promise.resolve({ ok: true }),
    onRemovePassphrase: () => Promise.resolve({ ok: true }),
    onUnlock: () => Promise.resolve({ ok: true }),
    onLock: () => Promise.resolve({ ok: true }),
    onActivityFilter: noop,
    onActivityRefresh: noop,
    onActivityExport: noop,
    onActivityClear: noop,
    onCopyScopes: noop,
    ...patch,
  });
  const data = (patch: Partial<OptionsData> = {}): OptionsData => ({
    tokens: [classic, dc],
    lock: 'none',
    knownCloudSites: ['acme.atlassian.net'],
    activity: [],
    activityFilter: 'all',
    checks: {},
    editing: null,
    ...patch,
  });
  const render = (d: OptionsData, a: OptionsActions = actions()) =>
    expand(<OptionsPage state={{ status: 'ready', ...d }} today={TODAY} scopeRows={[]} notice={null} actions={a} />, [TokenForm, PassphrasePanel]);

  it('lists the tokens by label, never with a secret', () => {
    const nodes = render(data());
    expect(byTestId(nodes, 'token-row').map((r) => r.props['data-label'])).toEqual(['Acme classic', 'DC server']);
    expect(byTestId(nodes, 'token-secret-hint').map((e) => textOf(e.children))).toEqual(['…Wd8c', '…9f2Q']);
    expect(byTestId(nodes, 'lock-banner')).toHaveLength(0);
    expect(attr(one(nodes, 'add-token-open'), 'disabled')).toBe(false);
    expect(byTestId(nodes, 'tokens-damaged')).toHaveLength(0);
    expect(byTestId(nodes, 'tokens-undecryptable')).toHaveLength(0);
  });

  it('says in a sentence when saved tokens are damaged or their secrets cannot be decrypted, and still lists every token', () => {
    const single = render(data({ damaged: 1 }));
    expect(textOf(byTestId(single, 'tokens-damaged'))).toBe('One saved token is damaged and cannot be used. It is kept as it was; your other tokens are not affected.');
    expect(textOf(byTestId(render(data({ damaged: 2 })), 'tokens-damaged'))).toMatch(/^2 saved tokens are damaged and cannot be used\./);

    const all = render(data({ undecryptable: ['t1', 't2'] }));
    expect(textOf(byTestId(all, 'tokens-undecryptable'))).toMatch(/^Your saved tokens cannot be decrypted: enter their secrets again/);
    expect(attr(one(all, 'tokens-undecryptable'), 'role')).toBe('alert');
    expect(byTestId(all, 'token-row')).toHaveLength(2);
    const some = render(data({ undecryptable: ['t2', 'gone'] }));
    expect(textOf(byTestId(some, 'tokens-undecryptable'))).toMatch(/^The saved secret of “DC server” cannot be decrypted: .* Edit the token and enter its secret again\.$/);
  });

  it('when locked, shows the banner, and Check and Add say to unlock first', () => {
    const nodes = render(data({ lock: 'locked' }));
    expect(textOf([one(nodes, 'lock-banner')])).toContain('locked');
    expect(byTestId(nodes, 'token-check').every((b) => b.props.disabled === true)).toBe(true);
    expect(byTestId(nodes, 'token-unlock-first')).toHaveLength(2);
    expect(attr(one(nodes, 'add-token-open'), 'disabled')).toBe(true);
    expect(textOf([one(nodes, 'add-unlock-first')])).toContain('Unlock first');
    expect(byTag(nodes, 'PassphrasePanel')[0]?.props.lock).toBe('locked');
  });

  it('opens the form in place of the row being edited, validating with the page’s rules', () => {
    const onValidate = vi.fn(() => ({ label: 'Another token already has this name.' }));
    const nodes = render(data({ editing: 't1' }), actions({ onValidate }));
    expect(byTestId(nodes, 'token-row').map((r) => r.props['data-label'])).toEqual(['DC server']);
    const [form] = byTag(nodes, 'TokenForm');
    expect(form?.props.editing).toBe(classic);
    const validate = form?.props.validate as (input: unknown) => unknown;
    expect(validate({ label: 'DC server' })).toEqual({ label: 'Another token already has this name.' });
    expect(onValidate).toHaveBeenCalledWith({ label: 'DC server' }, classic);
  });

  it('keeps the form of a token removed in another window in the list, told it is gone, with a way to reload', async () => {
    const onReloadToken = vi.fn(() => Promise.resolve(undefined));
    // In the list both times (an <li> keyed by the token id), so Preact keeps the form and what was typed in it.
    const formsInList = (nodes: Node[]) => findAll(one(nodes, 'token-list').children, (e) => e.tag === 'li' && byTag(e.children, 'TokenForm').length === 1);
    expect(formsInList(render(data({ editing: 't1' }), actions({ onReloadToken })))).toHaveLength(1);
    const after = render(data({ editing: 't1', tokens: [dc] }), actions({ onReloadToken }));
    expect(formsInList(after)).toHaveLength(1);
    // As Preact sees it: one keyed list, the form's <li> under the token's id both times.
    const keyed = (d: OptionsData) => tokenListItems(d).map((item) => [item.key, typeof item.type === 'string' ? item.type : 'TokenRow']);
    expect(keyed(data({ editing: 't1' }))).toEqual([['t1', 'li'], ['t2', 'TokenRow']]);
    expect(keyed(data({ editing: 't1', tokens: [dc] }))).toEqual([['t2', 'TokenRow'], ['t1', 'li']]);
    const [form] = byTag(after, 'TokenForm');
    expect(form?.props.editing).toBeUndefined(); // how TokenForm, which keeps what it was filled from, learns the token is gone
    await (form?.props.onReload as () => Promise<unknown>)();
    expect(onReloadToken).toHaveBeenCalledWith('t1');
    expect(byTestId(after, 'token-row').map((r) => r.props['data-label'])).toEqual(['DC server']);
    expect(byTag(render(data({ editing: 'new' })), 'TokenForm')[0]?.props.onReload).toBeUndefined();
  });

  it('says so when there is no token yet', () => {
    const nodes = render(data({ tokens: [] }));
    one(nodes, 'no-tokens');
    expect(byTestId(nodes, 'token-row')).toHaveLength(0);
  });
});

/**
 * The token list's items as vnodes, keys included (the tree helper drops keys and flattens
 * arrays): OptionsPage and its Ready part are hook-free, so they can be called as functions.
 */
function tokenListItems(d: OptionsData): VNode[] {
  const find = (node: unknown, match: (v: VNode<Record<string, unknown>>) => boolean): VNode<Record<string, unknown>> | undefined => {
    if (Array.isArray(node)) return node.map((n) => find(n, match)).find(Boolean);
    if (!node || typeof node !== 'object' || !('props' in node)) return undefined;
    const vnode = node as VNode<Record<string, unknown>>;
    return match(vnode) ? vnode : find(vnode.props.children, match);
  };
  const page = OptionsPage({ state: { status: 'ready', ...d }, today: TODAY, scopeRows: [], notice: null, actions: {} as OptionsActions });
  const ready = find(page, (v) => typeof v.type === 'function' && v.type.name === 'Ready')!;
  const list = find((ready.type as (p: unknown) => unknown)(ready.props), (v) => v.props['data-testid'] === 'token-list')!;
  return list.props.children as VNode[];
}

/** Components left unexpanded (opaque) appear with their name as the tag. */
const byTag = (nodes: Node[], tag: string) => findAll(nodes, (e) => e.tag === tag);

describe('a new token’s sites', () => {
  it('start with every known Cloud site ticked; an edited token keeps its own', () => {
    expect(initialDraft(undefined, ['acme.atlassian.net', 'globex.atlassian.net']).sites).toEqual(['acme.atlassian.net', 'globex.atlassian.net']);
    const saved = { ...initialDraft(undefined), sites: ['initech.atlassian.net'] };
    expect(initialDraft({ sites: saved.sites } as never, ['acme.atlassian.net']).sites).toEqual(['initech.atlassian.net']);
  });
});
