import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DcSitesActions, DcSitesView } from '../../components/dc-sites/DcSitesSection';
import type { BackgroundMessages } from '../../lib/background';
import type { Ask } from '../../lib/core/messaging/ask';
import { addDcSite } from '../../components/dc-sites/dc-site-add-flow';
import { originPattern } from '../../lib/features/dc-sites/dc-site-address';
import { dcSiteSentences } from '../../lib/features/dc-sites/dc-site-sentences';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { dcSiteKey } from '../../lib/sites/site-key';
import { siteAllowed } from '../../lib/features/policy/merge-policy';
import type { Policy } from '../../lib/features/policy/policy';
import { policySentences } from '../../lib/features/policy/policy-sentences';

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

/** `policy`: the organisation's, as this page last read it (a site it leaves out is refused before the browser is asked). */
export function useDcSites(
  ask: Ask<BackgroundMessages, 'extension-page'>,
  tokens: readonly TokenSummary[],
  locked: boolean,
  onTokenSaved: (id: string) => void,
  policy: () => Policy = () => ({}),
) {
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
      setError(null);
      setStatus(null);
      setAdding(true);
      // addDcSite asks the browser for the origin before anything is awaited (the click's gesture).
      void addDcSite(draft, {
        requestOrigins: (origins) => browser.permissions.request({ origins }),
        addSite: (baseUrl) => ask('dc-site-add', { baseUrl }),
        savePat: (input) => ask('tokens-add', { input }),
        locked,
        policyRefusal: (baseUrl) => (siteAllowed(baseUrl, policy()) ? undefined : policySentences.siteNotAllowed(baseUrl)),
      })
        .then((outcome) => {
          if (outcome.ok) {
            setFormOpen(false);
            setStatus(outcome.status);
            if (outcome.tokenId !== null) onTokenSaved(outcome.tokenId);
          } else setError({ problem: outcome.problem, sentence: outcome.sentence });
          if (outcome.ok || outcome.siteAdded) load();
        })
        .finally(() => setAdding(false));
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
        .then(async (granted) => {
          if (!granted) return setStatus(dcSiteSentences.noPermission(new URL(site.baseUrl).origin));
          // Adding a site already added registers its content script again.
          const answer = await ask('dc-site-add', { baseUrl: site.baseUrl });
          if (!answer.ok) setStatus(answer.sentence);
        })
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
