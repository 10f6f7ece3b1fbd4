import { describe, expect, it, vi } from 'vitest';
import type { DcSiteView } from '../../lib/features/dc-sites/messages';
import type { TabState } from '../../lib/features/pages/messages';
import { TabSection } from '../pages/TabSection';
import { dcSiteSentences } from '../../lib/features/dc-sites/dc-site-sentences';
import type { TokenFormInput } from '../../lib/features/tokens/token-form-input';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import type { TokenWriteResult } from '../../lib/features/tokens/token-vault';
import { byTestId, expand, findAll, fire, one, textOf } from '../shared/vnode-tree.test-helper';
import { addDcSite, dcAddSentences, type DcSiteAddAnswer, type DcSiteAddDeps } from './dc-site-add-flow';
import { DcSiteForm, DcSiteFormView, DcSitesSection, EMPTY_DC_DRAFT, type DcSiteDraft, type DcSiteFormViewProps, type DcSitesActions, type DcSitesView } from './DcSitesSection';
import { tokensBySite } from '../../entrypoints/options/dc-sites-controller';

const BASE = 'https://confluence.example.com/confluence';
const site: DcSiteView = { baseUrl: BASE, host: 'confluence.example.com', addedAt: 1_700_000_000_000, lastSeenAt: null, version: '8.5.4', accessGranted: true, scriptRegistered: true };
const view = (patch: Partial<DcSitesView> = {}): DcSitesView => ({ sites: [site], tokensBySite: {}, listError: null, formOpen: false, adding: false, error: null, status: null, ...patch });
const actions = (): DcSitesActions => ({ onOpenForm: vi.fn(), onCancel: vi.fn(), onAdd: vi.fn(), onRemove: vi.fn(), onGrant: vi.fn(), tokenFor: () => undefined });

describe('the Data Center sites section', () => {
  it('lists each site with its version, access, script and tokens; Remove names the site', () => {
    const a = actions();
    const nodes = expand(<DcSitesSection view={view({ tokensBySite: { [BASE]: ['Carol PAT'] } })} actions={a} />, [DcSiteForm]);
    const row = one(nodes, 'dc-site-row');
    expect(row.props['data-base-url']).toBe(BASE);
    expect(textOf([row])).toContain('version 8.5.4');
    expect(one(nodes, 'dc-site-access').props['data-granted']).toBe('true');
    expect(one(nodes, 'dc-site-script').props['data-registered']).toBe('true');
    expect(textOf([one(nodes, 'dc-site-tokens')])).toBe('“Carol PAT”');
    expect(byTestId(nodes, 'dc-site-grant')).toHaveLength(0);
    fire(one(nodes, 'dc-site-remove'), 'onClick');
    expect(a.onRemove).toHaveBeenCalledWith(site);
  });

  it('a revoked origin offers to ask again; no site says so', () => {
    const a = actions();
    const nodes = expand(<DcSitesSection view={view({ sites: [{ ...site, accessGranted: false, scriptRegistered: false }] })} actions={a} />, [DcSiteForm]);
    expect(textOf([one(nodes, 'dc-site-access')])).toContain('not allowed');
    fire(one(nodes, 'dc-site-grant'), 'onClick');
    expect(a.onGrant).toHaveBeenCalled();
    expect(textOf(expand(<DcSitesSection view={view({ sites: [] })} actions={a} />, [DcSiteForm]))).toContain('No Data Center site yet.');
  });

  it('shows the form when open, the add button otherwise, and the outcome as a status', () => {
    const closed = expand(<DcSitesSection view={view()} actions={actions()} />, [DcSiteForm]);
    expect(byTestId(closed, 'dc-site-add-open')).toHaveLength(1);
    const open = expand(<DcSitesSection view={view({ formOpen: true, status: 'Added confluence.example.com.' })} actions={actions()} />, [DcSiteForm]);
    expect(byTestId(open, 'dc-site-add-open')).toHaveLength(0);
    expect(open.some((n) => typeof n !== 'string' && JSON.stringify(n).includes('DcSiteForm'))).toBe(true);
    expect(textOf([one(open, 'dc-site-added')])).toBe('Added confluence.example.com.');
  });

  it('groups saved Data Center tokens by their normalised base URL, Cloud tokens never', () => {
    const token = (label: string, kind: string, dcBaseUrl?: string) => ({ label, kind, dcBaseUrl }) as never;
    expect(tokensBySite([token('A', 'dc-pat', `${BASE}/`), token('B', 'dc-pat', 'https://Confluence.example.com/confluence'), token('C', 'classic')])).toEqual({ [BASE]: ['A', 'B'] });
  });
});

describe('the popup on a Data Center page', () => {
  it('names the server and its version instead of a cloudId', () => {
    const tab: TabState = {
      tabId: 3,
      host: BASE,
      context: { kind: 'content', host: BASE, contentId: '4000001', contentType: 'page', view: 'view', spaceKey: 'DEV' },
      site: null,
      cloudId: { state: 'unknown', sentence: 'Data Center sites have no cloudId.', cloudId: null, fetchedAt: null, retryAt: null },
      dataCenter: { baseUrl: BASE, host: 'confluence.example.com', version: '8.5.4' },
    };
    const nodes = expand(<TabSection tab={tab} />);
    expect(textOf([one(nodes, 'tab-site')])).toBe('confluence.example.com');
    expect(textOf([one(nodes, 'tab-dc-site')])).toBe('Confluence Data Center 8.5.4');
    expect(textOf([one(nodes, 'tab-dc-base-url')])).toBe(BASE);
    expect(textOf(nodes)).not.toContain('Cloud ID');
  });
});

describe('the add form', () => {
  const draft = (patch: Partial<DcSiteDraft> = {}): DcSiteDraft => ({ ...EMPTY_DC_DRAFT, ...patch });
  const render = (props: Partial<DcSiteFormViewProps> = {}) =>
    expand(<DcSiteFormView draft={draft()} onField={vi.fn()} view={{ adding: false, error: null }} actions={actions()} {...props} />);
  const attr = (nodes: ReturnType<typeof render>, id: string, name: string) => one(nodes, id).props[name];

  it('keeps what was typed after a refusal, which is an alert tied to the address field', () => {
    const typed = draft({ baseUrl: 'http://confluence.example.com', patLabel: 'Carol PAT', patSecret: 'not-a-real-pat', patExpiry: '2027-06-30', patReadOnly: true });
    const nodes = render({ draft: typed, view: { adding: false, error: { problem: 'address', sentence: dcSiteSentences.notHttps } } });
    expect(attr(nodes, 'dc-field-base-url', 'value')).toBe('http://confluence.example.com');
    expect(attr(nodes, 'dc-field-pat-label', 'value')).toBe('Carol PAT');
    expect(attr(nodes, 'dc-field-pat-secret', 'value')).toBe('not-a-real-pat');
    expect(attr(nodes, 'dc-field-pat-secret', 'type')).toBe('password');
    expect(attr(nodes, 'dc-field-pat-expiry', 'value')).toBe('2027-06-30');
    expect(attr(nodes, 'dc-field-pat-read-only', 'checked')).toBe(true);
    const error = one(nodes, 'dc-site-error');
    expect(error.props.role).toBe('alert');
    expect(error.props['data-problem']).toBe('address');
    expect(textOf([error])).toBe(dcSiteSentences.notHttps);
    expect(attr(nodes, 'dc-field-base-url', 'aria-invalid')).toBe('true');
    expect(String(attr(nodes, 'dc-field-base-url', 'aria-describedby')).split(' ')).toContain(error.props.id);
    expect(attr(nodes, 'dc-field-pat-secret', 'aria-invalid')).toBeUndefined();
  });

  it('ties a refusal about the token to the token field, not the address', () => {
    const nodes = render({ view: { adding: false, error: { problem: 'locked', sentence: dcAddSentences.locked } } });
    expect(attr(nodes, 'dc-field-pat-secret', 'aria-invalid')).toBe('true');
    expect(attr(nodes, 'dc-field-pat-secret', 'aria-describedby')).toBe('dc-site-error');
    expect(attr(nodes, 'dc-field-base-url', 'aria-invalid')).toBeUndefined();
    expect(byTestId(render(), 'dc-site-error')).toHaveLength(0);
  });

  it('says which saved token the typed address uses, only when no new one is typed', () => {
    const a = { ...actions(), tokenFor: (url: string) => (url === `${BASE}/` ? 'Carol PAT' : undefined) };
    const hinted = render({ draft: draft({ baseUrl: `${BASE}/` }), actions: a });
    expect(textOf([one(hinted, 'dc-site-uses-token')])).toBe('Uses “Carol PAT”, already saved for this address.');
    expect(String(attr(hinted, 'dc-field-base-url', 'aria-describedby'))).toContain('dc-site-uses-token');
    expect(byTestId(render({ draft: draft({ baseUrl: `${BASE}/`, patSecret: 'x' }), actions: a }), 'dc-site-uses-token')).toHaveLength(0);
    expect(byTestId(render({ draft: draft({ baseUrl: 'https://other.example.com' }), actions: a }), 'dc-site-uses-token')).toHaveLength(0);
  });

  it('hands the draft to onAdd from the submit, once, and not while an add runs', () => {
    const a = actions();
    const typed = draft({ baseUrl: BASE });
    const form = findAll(render({ draft: typed, actions: a }), (e) => e.tag === 'form')[0]!;
    fire(form, 'onSubmit');
    expect(a.onAdd).toHaveBeenCalledExactlyOnceWith(typed);
    const busy = findAll(render({ draft: typed, actions: a, view: { adding: true, error: null } }), (e) => e.tag === 'form')[0]!;
    fire(busy, 'onSubmit');
    expect(a.onAdd).toHaveBeenCalledOnce();
  });

  it('reports each typed field through onField', () => {
    const onField = vi.fn();
    const nodes = render({ onField });
    fire(one(nodes, 'dc-field-base-url'), 'onInput', { currentTarget: { value: BASE } });
    fire(one(nodes, 'dc-field-pat-read-only'), 'onChange', { currentTarget: { checked: true } });
    expect(onField.mock.calls).toEqual([
      ['baseUrl', BASE],
      ['patReadOnly', true],
    ]);
  });
});

describe('adding a site (the flow, with the browser and background faked)', () => {
  const ORIGIN = 'https://confluence.example.com';
  const saved: TokenSummary = { id: 'p1', label: 'Carol PAT', kind: 'dc-pat', secretHint: '…0000', detected: [], mismatch: [], createdAt: '2026-11-22T10:00:00.000Z', sites: [], dcBaseUrl: BASE, readOnly: false, revision: '00000000000000p1' };

  function fakes(patch: { granted?: boolean | Error; added?: DcSiteAddAnswer; savedAs?: TokenWriteResult; locked?: boolean } = {}) {
    const calls: string[] = [];
    let grant!: (granted: boolean) => void;
    const deps: DcSiteAddDeps = {
      requestOrigins: vi.fn((origins: string[]) => {
        calls.push(`request ${origins.join(' ')}`);
        if (patch.granted instanceof Error) return Promise.reject(patch.granted);
        return patch.granted === undefined ? new Promise<boolean>((r) => (grant = r)) : Promise.resolve(patch.granted);
      }),
      addSite: vi.fn(async (baseUrl: string): Promise<DcSiteAddAnswer> => {
        calls.push(`add ${baseUrl}`);
        return patch.added ?? { ok: true, site, alreadyAdded: false };
      }),
      savePat: vi.fn(async (input: TokenFormInput): Promise<TokenWriteResult> => {
        calls.push(`save ${input.label} ${input.dcBaseUrl}`);
        return patch.savedAs ?? { ok: true, token: { ...saved, label: input.label } };
      }),
      locked: patch.locked ?? false,
    };
    return { deps, calls, grant: (granted: boolean) => grant(granted) };
  }
  const typed = (patch: Partial<DcSiteDraft> = {}): DcSiteDraft => ({ ...EMPTY_DC_DRAFT, baseUrl: 'https://Confluence.example.com/confluence/', ...patch });

  it('asks the browser for the origin before anything is awaited, then adds the site, then saves its PAT', async () => {
    const f = fakes();
    const outcome = addDcSite(typed({ patLabel: 'Carol PAT', patSecret: 'not-a-real-pat', patExpiry: '2027-06-30', patReadOnly: true }), f.deps);
    // Synchronously, still inside the click: only the permission request.
    expect(f.calls).toEqual([`request ${ORIGIN}/*`]);
    f.grant(true);
    const done = await outcome;
    expect(f.calls).toEqual([`request ${ORIGIN}/*`, `add ${BASE}`, `save Carol PAT ${BASE}`]);
    expect(f.deps.savePat).toHaveBeenCalledWith({ label: 'Carol PAT', kind: 'dc-pat', secret: 'not-a-real-pat', dcBaseUrl: BASE, expiresOn: '2027-06-30', readOnly: true });
    expect(done).toEqual({ ok: true, site, tokenId: 'p1', status: 'Added confluence.example.com (Confluence 8.5.4) and the token “Carol PAT” saved.' });
  });

  it('adds a site alone when no token is typed, and names a PAT typed without a name after the host', async () => {
    const alone = fakes({ granted: true, added: { ok: true, site: { ...site, version: null }, alreadyAdded: true } });
    expect(await addDcSite(typed(), alone.deps)).toEqual({ ok: true, site: { ...site, version: null }, tokenId: null, status: 'confluence.example.com was already added.' });
    expect(alone.deps.savePat).not.toHaveBeenCalled();
    const unnamed = fakes({ granted: true });
    await addDcSite(typed({ patSecret: 'not-a-real-pat' }), unnamed.deps);
    expect(unnamed.calls.at(-1)).toBe(`save confluence.example.com token ${BASE}`);
  });

  it('refuses a wrong address with its sentence, asking nothing', async () => {
    for (const [input, sentence] of [
      ['', dcSiteSentences.empty],
      ['http://confluence.example.com', dcSiteSentences.notHttps],
      ['https://acme.atlassian.net/wiki', dcSiteSentences.cloud],
      ['https://confluence.example.com/?os_username=x', dcSiteSentences.withExtras],
    ] as const) {
      const f = fakes({ granted: true });
      expect(await addDcSite(typed({ baseUrl: input }), f.deps)).toEqual({ ok: false, problem: 'address', sentence, siteAdded: false });
      expect(f.calls).toEqual([]);
    }
  });

  it('refuses a base URL the organisation leaves out before asking the browser anything', async () => {
    const f = fakes({ granted: true });
    const seen: string[] = [];
    const refusal = (baseUrl: string) => (seen.push(baseUrl), 'Not allowed (policy “allowedSites”).');
    expect(await addDcSite(typed(), { ...f.deps, policyRefusal: refusal })).toEqual({ ok: false, problem: 'not-allowed', sentence: 'Not allowed (policy “allowedSites”).', siteAdded: false });
    expect(seen).toEqual(['https://confluence.example.com/confluence']);
    expect(f.calls).toEqual([]);
  });

  it('says the browser refused access, and asks the background nothing', async () => {
    for (const granted of [false, new Error('Permissions request not allowed.')]) {
      const f = fakes({ granted });
      expect(await addDcSite(typed(), f.deps)).toEqual({ ok: false, problem: 'permission', sentence: dcSiteSentences.noPermission(ORIGIN), siteAdded: false });
      expect(f.deps.addSite).not.toHaveBeenCalled();
    }
  });

  it('passes the background’s refusal on, saving no token', async () => {
    const sentence = dcSiteSentences.notConfluence('confluence.example.com');
    const f = fakes({ granted: true, added: { ok: false, problem: 'not-confluence', sentence } });
    expect(await addDcSite(typed({ patSecret: 'not-a-real-pat' }), f.deps)).toEqual({ ok: false, problem: 'not-confluence', sentence, siteAdded: false });
    expect(f.deps.savePat).not.toHaveBeenCalled();
  });

  it('refuses a PAT while the tokens are locked before asking anything', async () => {
    const f = fakes({ granted: true, locked: true });
    expect(await addDcSite(typed({ patSecret: 'not-a-real-pat' }), f.deps)).toEqual({ ok: false, problem: 'locked', sentence: dcAddSentences.locked, siteAdded: false });
    expect(f.calls).toEqual([]);
    // Without a token, a locked vault does not matter.
    expect((await addDcSite(typed(), f.deps)).ok).toBe(true);
  });

  it('says when the site was added but its token refused', async () => {
    const f = fakes({ granted: true, savedAs: { ok: false, reason: 'invalid', errors: { label: 'Another token already has this name. Choose a different name.' } } });
    expect(await addDcSite(typed({ patLabel: 'Carol PAT', patSecret: 'not-a-real-pat' }), f.deps)).toEqual({
      ok: false,
      problem: 'token',
      sentence: 'confluence.example.com was added, but the token was not saved: Another token already has this name. Choose a different name.',
      siteAdded: true,
    });
  });
});
