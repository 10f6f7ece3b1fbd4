import { describe, expect, it } from 'vitest';
import type { SiteCheckResult } from '../../lib/features/token-checks/token-check-result';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { ActivityLog } from '../activity/ActivityLog';
import { TokenRow } from '../tokens/TokenRow';
import { CheckResults } from '../token-checks/CheckResults';
import { TokensSection, type TokensView } from './TokensSection';
import { byTestId, expand, textOf } from '../shared/vnode-tree.test-helper';

const noop = () => {};
const token: TokenSummary = {
  id: 't1',
  label: 'Acme classic',
  email: 'ada@example.com',
  kind: 'scoped',
  secretHint: '…Wd8c',
  detected: [{ site: 'acme.atlassian.net', kind: 'classic', checkedAt: '2026-11-22T10:00:00.000Z' }],
  mismatch: [{ site: 'acme.atlassian.net', detected: 'classic', sentence: 'This token works as a classic token on acme.atlassian.net.' }],
  expiresOn: '2026-12-01',
  createdAt: '2026-11-22T10:00:00.000Z',
  sites: ['acme.atlassian.net'],
  readOnly: true,
  revision: '0123456789abcdef',
};
const scopeFailure: SiteCheckResult = {
  site: 'acme.atlassian.net',
  kind: 'scoped',
  ok: false,
  sentence: 'This scoped token lacks a scope.',
  failure: { class: 'missing-scope', message: 'The token lacks a scope.', fix: 'Add the scope.', scopes: ['read:watcher:confluence'] },
};
const text = (nodes: ReturnType<typeof expand>, id: string) => byTestId(nodes, id).map((e) => textOf(e.children));

describe('TokenRow', () => {
  const row = expand(
    <TokenRow token={token} today="2026-11-22" onCheck={noop} onEdit={noop} onRemove={noop} onGrantPermission={noop} />,
  );

  it('shows the last four characters of the secret, the expiry and the mismatch warning', () => {
    expect(text(row, 'token-secret-hint')).toEqual(['…Wd8c']);
    expect(text(row, 'token-expiry')[0]).toContain('2026-12-01');
    expect(text(row, 'token-warning')).toEqual(['This token works as a classic token on acme.atlassian.net.']);
    expect(textOf(row)).toContain('read-only');
    expect(textOf(row)).toContain('expiring soon');
  });
});

describe('CheckResults', () => {
  it('gives the failure, its fix and the scopes to grant', () => {
    const nodes = expand(<CheckResults results={[scopeFailure]} />);
    const all = textOf(nodes);
    expect(all).toContain('The token lacks a scope.');
    expect(all).toContain('Add the scope.');
    expect(all).toContain('read:watcher:confluence');
    expect(byTestId(nodes, 'token-check-result')[0]?.props['data-ok']).toBe('false');
  });

  it('says so when there is no site to check', () => {
    expect(text(expand(<CheckResults results={[]} />), 'token-check-result')[0]).toContain('No site to check yet');
  });
});

describe('TokensSection (popup)', () => {
  const view = (v: Partial<TokensView>): TokensView => ({ tokens: [token], lock: 'none', forSite: token, onContent: true, ...v });
  const render = (v: Partial<TokensView>, host: string | null = 'acme.atlassian.net') =>
    expand(<TokensSection view={view(v)} host={host} guide={<p data-testid="guide-stand-in">guide</p>} onAddToken={noop} onCheck={noop} onAllowSite={noop} onChooseToken={noop} />);

  it('offers to add a token, with the guidance, when there is none', () => {
    const nodes = render({ tokens: [], forSite: null });
    expect(byTestId(nodes, 'add-token')).toHaveLength(1);
    expect(byTestId(nodes, 'guide-stand-in')).toHaveLength(1);
    expect(byTestId(nodes, 'popup-token')).toHaveLength(0);
  });

  it('shows the locked state and disables what needs a secret', () => {
    const nodes = render({ lock: 'locked' });
    expect(byTestId(nodes, 'popup-locked')).toHaveLength(1);
    expect(byTestId(nodes, 'popup-check-token')[0]?.props.disabled).toBe(true);
  });

  it('says when no token is for this site, and offers no action but to use a Cloud token there', () => {
    const other = { ...token, id: 'b2', label: 'Elsewhere', sites: ['globex.atlassian.net'] };
    const dc = { ...token, id: 'c3', label: 'Server', kind: 'dc-pat' as const, sites: [] };
    const nodes = render({ tokens: [other, dc], forSite: null });
    expect(text(nodes, 'no-token-for-site')[0]).toContain('acme.atlassian.net');
    expect(text(nodes, 'no-token-for-site')[0]).toContain('nothing has been sent there');
    const offers = byTestId(nodes, 'allow-token-site');
    expect(offers.map((o) => o.props['data-label'])).toEqual(['Elsewhere']);
    expect(text(nodes, 'allow-token-site')[0]).toContain('Use “Elsewhere” on acme.atlassian.net');
  });

  it('offers nothing while locked', () => {
    const nodes = render({ tokens: [{ ...token, sites: [] }], forSite: null, lock: 'locked' });
    expect(byTestId(nodes, 'allow-token-site')).toHaveLength(0);
  });

  it('away from Confluence, says how many tokens there are and where to use them', () => {
    const nodes = render({ forSite: null, onContent: false }, null);
    expect(text(nodes, 'tokens-elsewhere')[0]).toContain('One token saved');
    expect(byTestId(nodes, 'popup-check-token')).toHaveLength(0);
    expect(byTestId(nodes, 'no-token-for-site')).toHaveLength(0);
  });
});

describe('ActivityLog', () => {
  it('says when nothing matches the filter', () => {
    const nodes = expand(<ActivityLog entries={[]} filter="failures" onFilter={noop} onRefresh={noop} onExport={noop} onClear={noop} />);
    expect(text(nodes, 'activity-empty')[0]).toContain('match this filter');
  });
});
