import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { scopesForFeature } from '../../lib/atlassian/scopes/scopes';
import { byTestId, expand, fire, one, textOf } from '../shared/vnode-tree.test-helper';
import { featureScopeRows } from './feature-scope-rows';
import { POPUP_ROWS_FILE, REGENERATE_POPUP_ROWS, popupScopeRowsSource } from './generate-popup-scope-rows';
import { POPUP_SCOPE_ROWS } from './popup-scope-rows.generated';
import { PopupGuide } from './PopupGuide';
import { ALL_FEATURES, ScopeGuide } from './ScopeGuide';
import { API_TOKENS_PAGE } from './TokenKindAdvice';

describe('ScopeGuide (options page)', () => {
  const rows = featureScopeRows();

  it('links to Atlassian’s API token page and says which kind to choose', () => {
    const nodes = expand(<ScopeGuide rows={rows} />);
    expect(one(nodes, 'api-token-link').props.href).toBe('https://id.atlassian.com/manage-profile/security/api-tokens');
    const text = textOf(nodes);
    expect(text).toContain('API token with scopes');
    expect(text).toContain('api.atlassian.com/ex/confluence/<cloudId>');
    expect(text).toContain('classic');
    expect(text).toContain('Data Center');
  });

  it('lists, per feature, exactly the scopes derived from the specs', () => {
    const nodes = expand(<ScopeGuide rows={rows} />);
    const watch = byTestId(nodes, 'scope-row').find((r) => r.props['data-feature'] === 'watch');
    expect(textOf(watch ? [watch] : [])).toContain(scopesForFeature('watch').granular.join(''));
    expect(scopesForFeature('watch').granular).toContain('read:watcher:confluence');
  });

  it('copies one feature’s scopes, or all of them, and says it did', () => {
    const onCopy = vi.fn();
    const nodes = expand(<ScopeGuide rows={rows} onCopy={onCopy} copied={{ what: 'watch', ok: true }} />);
    const watchButton = byTestId(nodes, 'copy-scopes').find((b) => b.props['data-feature'] === 'watch')!;
    fire(watchButton, 'onClick');
    expect(onCopy).toHaveBeenLastCalledWith('watch', scopesForFeature('watch').granular);
    fire(one(nodes, 'copy-all-scopes'), 'onClick');
    const all = onCopy.mock.lastCall![1] as string[];
    expect(onCopy.mock.lastCall![0]).toBe(ALL_FEATURES);
    expect(all).toEqual([...new Set(rows.flatMap((r) => r.scopes))].sort());
    expect(textOf([one(nodes, 'copy-result')])).toBe('Copied.');
    expect(watchButton.props['aria-label']).toBe('Copy the scopes for watch');
  });

  it('has no copy buttons when copying is not offered', () => {
    expect(byTestId(expand(<ScopeGuide rows={rows} />), 'copy-scopes')).toHaveLength(0);
  });
});

describe('PopupGuide', () => {
  it('shows the link, the kind to choose and each feature’s scopes', () => {
    const nodes = expand(<PopupGuide />);
    expect(one(nodes, 'api-token-link').props.href).toBe(API_TOKENS_PAGE);
    const features = byTestId(nodes, 'scope-row').map((r) => r.props['data-feature']);
    expect(features).toEqual(featureScopeRows().filter((r) => r.scopes.length > 0).map((r) => r.feature));
    expect(textOf(nodes)).toContain('read:watcher:confluence');
  });

  it('uses rows that match what the scope table derives now', () => {
    expect(readFileSync(POPUP_ROWS_FILE, 'utf8'), `popup-scope-rows.generated.ts is out of date: run ${REGENERATE_POPUP_ROWS}`).toBe(popupScopeRowsSource());
    expect(POPUP_SCOPE_ROWS.map((r) => [r.feature, r.scopes])).toEqual(
      featureScopeRows()
        .filter((r) => r.scopes.length > 0)
        .map((r) => [r.feature, r.scopes]),
    );
  });
});
