import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DcSiteDraft, DcSitesActions, DcSitesView } from '../../components/dc-sites/DcSitesSection';
import type { BackgroundMessages } from '../../lib/background';
import type { Ask } from '../../lib/core/messaging/ask';
import { originPattern, readDcAddress } from '../../lib/features/dc-sites/dc-site-address';
import { dcSiteSentences } from '../../lib/features/dc-sites/dc-site-sentences';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { dcSiteKey } from '../../lib/sites/site-key';

/*
 * The "Data Center sites" section's state and what its buttons do: the browser is asked for the
 * origin inside the click (nothing awaited before), then the background checks and adds; a PAT
 * typed with it is saved through `tokens-add` once the site is added.
 */

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function tokensBySite(tokens: readonly TokenSummary[]): Record<string, string[]> {
  const bySite: Record<string, string[]> = {};
  for (const token of tokens) {
    const key = token.kind === 'dc-pat' && token.dcBaseUrl ? dcSiteKey(token.dcBaseUrl) : undefined;
    if (key) (bySite[key] ??= []).push(token.label);
  }
  return bySite;
}

export function useDcSites(ask: Ask<BackgroundMessages, 'extension-page'>, tokens: readonly TokenSummary[], onTokenSaved: (id: string) => void) {
  const [sites, setSites] = useState<DcSitesView['sites']>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<DcSitesView['error']>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(() => {
    ask('dc-sites-list').then(
      (list) => {
        setSites(list.sites);
        setListError(null);
      },
      (e: unknown) => setListError(message(e)),
    );
  }, [ask]);
  useEffect(load, [load]);

  async function finishAdd(draft: DcSiteDraft, baseUrl: string, granted: Promise<boolean>, origin: string) {
    try {
      if (!(await granted)) {
        setError({ problem: 'permission', sentence: dcSiteSentences.noPermission(origin) });
        return;
      }
      const added = await ask('dc-site-add', { baseUrl });
      if (!added.ok) {
        setError({ problem: added.problem, sentence: added.sentence });
        return;
      }
      let saved = '';
      if (draft.patSecret.trim() !== '') {
        const result = await ask('tokens-add', {
          input: {
            label: draft.patLabel.trim() || `${added.site.host} token`,
            kind: 'dc-pat',
            secret: draft.patSecret,
            dcBaseUrl: added.site.baseUrl,
            ...(draft.patExpiry ? { expiresOn: draft.patExpiry } : {}),
            readOnly: draft.patReadOnly,
          },
        });
        if (!result.ok) {
          // The site is added; the token is not: say why, keep the form (and what was typed) open.
          const why = result.reason === 'invalid' ? Object.values(result.errors).filter(Boolean).join(' ') : result.message;
          setError({ problem: 'token', sentence: `${added.site.host} was added, but the token was not saved: ${why}` });
          load();
          return;
        }
        saved = ` and the token “${result.token.label}” saved`;
        onTokenSaved(result.token.id);
      }
      setFormOpen(false);
      setStatus(added.alreadyAdded ? `${added.site.host} was already added${saved}.` : `Added ${added.site.host}${added.site.version ? ` (Confluence ${added.site.version})` : ''}${saved}.`);
      load();
    } catch (e) {
      setError({ problem: 'failed', sentence: message(e) });
    } finally {
      setAdding(false);
    }
  }

  const actions: DcSitesActions = {
    onOpenForm: () => {
      setFormOpen(true);
      setStatus(null);
      setError(null);
    },
    onCancel: () => {
      setFormOpen(false);
      setError(null);
    },
    onAdd(draft) {
      const address = readDcAddress(draft.baseUrl);
      if (!address.ok) {
        setError({ problem: 'address', sentence: address.sentence });
        return;
      }
      setError(null);
      setStatus(null);
      setAdding(true);
      // Inside the click's gesture: every browser drops it at the first await.
      const granted = browser.permissions.request({ origins: [originPattern(address.origin)] }).catch(() => false);
      void finishAdd(draft, address.baseUrl, granted, address.origin);
    },
    onRemove(site) {
      const kept = tokensBySite(tokens)[site.baseUrl] ?? [];
      if (!confirm(`Remove ${site.host}? The extension stops working on its pages${kept.length > 0 ? '; its tokens stay saved' : ''}.`)) return;
      ask('dc-site-remove', { baseUrl: site.baseUrl }).then(
        (r) =>
          setStatus(
            `Removed ${site.host}.${kept.length > 0 ? ` Its tokens (${kept.map((t) => `“${t}”`).join(', ')}) stay saved${r.accessRemoved ? '' : ', and so does the browser’s access to the server they need'}.` : ''}`,
          ),
        (e: unknown) => setStatus(`Removed nothing: ${message(e)}`),
      ).finally(load);
    },
    onGrant(site) {
      void browser.permissions
        .request({ origins: [originPattern(new URL(site.baseUrl).origin)] })
        .then(() => ask('dc-site-add', { baseUrl: site.baseUrl }))
        .catch((e: unknown) => setStatus(message(e)))
        .finally(load);
    },
    tokenFor(baseUrl) {
      const key = dcSiteKey(baseUrl);
      return key ? tokensBySite(tokens)[key]?.[0] : undefined;
    },
  };

  const view: DcSitesView = { sites, tokensBySite: tokensBySite(tokens), listError, formOpen, adding, error, status };
  return { view, actions, reload: load };
}
