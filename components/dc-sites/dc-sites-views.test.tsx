import { describe, expect, it, vi } from 'vitest';
import type { DcSiteView } from '../../lib/features/dc-sites/messages';
import type { TabState } from '../../lib/features/pages/messages';
import { TabSection } from '../pages/TabSection';
import { byTestId, expand, fire, one, textOf } from '../shared/vnode-tree.test-helper';
import { DcSiteForm, DcSitesSection, type DcSitesActions, type DcSitesView } from './DcSitesSection';
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
    expect(textOf([one(nodes, 'tab-dc-site')])).toBe(`Confluence Data Center 8.5.4 at ${BASE}`);
    expect(textOf(nodes)).not.toContain('Cloud ID');
  });
});
