import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupActions, type PopupState } from '../../components/popup/Popup';
import type { CloudIdRefreshView } from '../../components/pages/TabSection';
import type { TokensView } from '../../components/popup/TokensSection';
import { PopupGuide } from '../../components/tokens/PopupGuide';
import type { BackgroundMessages } from '../../lib/background';
import { AskError, createAsk } from '../../lib/core/messaging/ask';
import { listenForChanges } from '../../lib/core/messaging/change-notices';
import { tabIdFromSearch } from '../../lib/features/pages/tab-id-from-search';
import { tokenCoversSite } from '../../lib/features/tokens/token-site-match';
import { createPageState } from './page-state';
import { PolicyScope } from '../../components/policy/OrganisationPolicy';
import { NO_POLICY, type PolicyView } from '../../lib/features/policy/policy-view';
import { watchPolicy } from '../../lib/features/policy/watch-policy';
import './style.css';

const root = document.getElementById('app')!;
const ask = createAsk<BackgroundMessages>((message) => browser.runtime.sendMessage(message));
/**
 * The sentence for a failed ask. When the background went away mid-action (a stopped service
 * worker), what it had done is unknown: the popup reads its state again as well.
 */
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const actionError = (error: unknown) => {
  if (error instanceof AskError && error.code === 'no-reply') queueMicrotask(() => refresh());
  return errorText(error);
};

let state: PopupState = { status: 'loading' };
/** The organisation's policy: its marks and help; the background enforces it on its own. */
let policy: PolicyView = NO_POLICY;
let tabId: number | null = null;
/** Results of what the person did in this popup; kept across reloads of the data. */
let health: TokensView['health'];
let allowSite: TokensView['allowSite'];
let cloudIdRefresh: CloudIdRefreshView | undefined;
let choosing: { running: boolean; error?: string } | undefined;
/** The token whose health is shown: another token's report is not this one's. */
let healthToken: string | null = null;
const page = createPageState({
  ask,
  show: () => show(),
  actionError,
  onExportOpened: () => window.close(),
});

function show(): void {
  const shown: PopupState =
    state.status === 'ready'
      ? {
          ...state,
          tokens: { ...state.tokens, health, allowSite, ...(state.tokens.choice ? { choice: { ...state.tokens.choice, ...choosing } } : {}) },
          cloudIdRefresh,
          ...(page.view ? { page: page.view } : {}),
        }
      : state;
  render(
    <PolicyScope value={policy}>
      <Popup state={shown} guide={<PopupGuide />} actions={actions} />
    </PolicyScope>,
    root,
  );
}

/**
 * The tab to describe: the active tab of this window, or `popup.html?tabId=N`. End-to-end tests
 * open the popup as an ordinary page in its own tab (where the active tab is the popup itself)
 * and name the tab to show that way.
 */
async function targetTabId(): Promise<number | null> {
  const fromUrl = tabIdFromSearch(location.search);
  if (fromUrl !== null) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function load(): Promise<PopupState> {
  // The site list and the tokens do not depend on the tab: ask for them while the tab is looked up.
  // Each part loads on its own: a damaged site list must not hide the tab or the tokens.
  const sitesAndTokens = Promise.all([ask('list-sites').catch((error: unknown) => ({ error: errorText(error) })), ask('tokens-list')]);
  sitesAndTokens.catch(() => {}); // awaited below; an early tab failure must not leave it unhandled
  tabId = await targetTabId();
  if (tabId === null) return { status: 'error', message: 'There is no current tab to describe.' };
  const tab = await ask('get-tab-state', { tabId });
  const host = tab.host;
  // Which token actions use on this site is the background's: the one the person chose there, else the first meant for it.
  const [[list, tokens], choice] = await Promise.all([
    sitesAndTokens,
    host === null ? null : ask('action-tokens', { site: host }).catch(() => null),
  ]);
  const forSite =
    host === null
      ? null
      : choice
        ? (tokens.tokens.find((t) => t.id === choice.chosen) ?? null)
        : (tokens.tokens.find((t) => tokenCoversSite(t, host)) ?? null);
  return {
    status: 'ready',
    tab,
    sites: 'sites' in list ? list.sites : [],
    ...('error' in list ? { sitesError: list.error } : {}),
    tokens: { tokens: tokens.tokens, lock: tokens.lock, forSite, onContent: tab.context?.kind === 'content', ...(choice ? { choice } : {}) },
  };
}

/** A stored report older than this is refreshed when the popup opens. */
const REFRESH_AFTER_MS = 10 * 60_000;

/** Runs the token's health report on the tab's site (and page), keeping the last one in view meanwhile. */
function runHealth(tokenId: string): void {
  const site = state.status === 'ready' ? (state.tab.host ?? undefined) : undefined;
  health = { ...health, running: true, error: undefined };
  show();
  const fields = { id: tokenId, ...(site === undefined ? {} : { site }), ...(tabId === null ? {} : { tabId }) };
  // An answer for a token the popup no longer shows (another one was chosen meanwhile) is dropped.
  const current = () => healthToken === tokenId;
  ask('health-run', fields)
    .then((answer) => current() && (health = { running: false, reports: answer.reports, now: answer.now }))
    .catch((error: unknown) => current() && (health = { ...health, running: false, error: actionError(error) }))
    .finally(show);
}

/** The stored report for the token the tab's site uses: shown at once, refreshed when old. */
async function loadHealth(token: { id: string }, site: string): Promise<void> {
  try {
    const stored = await ask('health-reports', { tokenId: token.id, site });
    if (healthToken !== token.id) return; // another token was chosen meanwhile
    if (health?.running) return; // a run's answer is newer than what was stored
    health = { running: false, reports: stored.reports, now: stored.now };
    show();
    const old = stored.reports.some((r) => stored.now - r.checkedAt > REFRESH_AFTER_MS);
    if (old) runHealth(token.id);
  } catch (error) {
    if (healthToken !== token.id) return;
    health = { running: false, error: errorText(error) };
    show();
  }
}

const actions: PopupActions = {
  onAddToken: () => void browser.runtime.openOptionsPage(),
  onCheck: (tokenId) => runHealth(tokenId),
  onWatch: page.watch,
  onSpaceWatch: page.spaceWatch,
  onCopy: (kind) => void page.copy(kind),
  onExport: (scope) => void page.export(scope),
  onChooseToken(tokenId) {
    const site = state.status === 'ready' ? state.tab.host : null;
    if (site === null) return;
    choosing = { running: true };
    show();
    ask('action-token-choose', { site, tokenId })
      .then(() => (choosing = undefined))
      .catch((error: unknown) => (choosing = { running: false, error: actionError(error) }))
      .finally(() => {
        show();
        refresh(); // the new token's page state and health
      });
  },
  onReadCloudIdAgain() {
    const host = state.status === 'ready' ? state.tab.host : null;
    if (host === null) return;
    cloudIdRefresh = { running: true };
    show();
    ask('cloud-id-refresh', { host })
      .then((result) => (cloudIdRefresh = result.cloudId.state === 'error' ? { running: false, error: result.cloudId.sentence } : undefined))
      .catch((error: unknown) => (cloudIdRefresh = { running: false, error: actionError(error) }))
      .finally(() => {
        show();
        refresh();
      });
  },
  onAllowSite(tokenId) {
    const site = state.status === 'ready' ? state.tab.host : null;
    if (site === null) return;
    allowSite = { running: true };
    show();
    ask('tokens-allow-site', { id: tokenId, site })
      .then((result) => (allowSite = result.ok ? undefined : { running: false, error: result.reason === 'invalid' ? Object.values(result.errors).join(' ') : result.message }))
      .catch((error: unknown) => (allowSite = { running: false, error: actionError(error) }))
      .finally(() => {
        show();
        refresh(); // the token is now for this site: show it and read the watch state
      });
  },
};

let loading: Promise<void> | null = null;
let reloadWanted = false;

/** Loads and shows; a reload asked for meanwhile runs once the current load is done. */
function refresh(): void {
  if (loading) {
    reloadWanted = true;
    return;
  }
  loading = load()
    .catch((error: unknown): PopupState => ({ status: 'error', message: errorText(error) }))
    .then((next) => {
      state = next;
      const tokens = next.status === 'ready' ? next.tokens : null;
      const host = next.status === 'ready' ? next.tab.host : null;
      const token = tokens?.lock !== 'locked' ? (tokens?.forSite ?? null) : null;
      if (token?.id !== healthToken) {
        // Another token (chosen, added, removed): its own report, not the last one's.
        healthToken = token?.id ?? null;
        health = undefined;
      }
      if (token && host !== null) void loadHealth(token, host);
      // The page's card and watch states are read once per page and token.
      const context = next.status === 'ready' ? next.tab.context : null;
      page.follow(token && tabId !== null && context?.kind === 'content' ? { tabId, contentId: context.contentId, tokenId: token.id } : null);
      show();
    })
    .finally(() => {
      loading = null;
      if (reloadWanted) {
        reloadWanted = false;
        refresh();
      }
    });
}

show();
refresh();
const reloadPolicy = watchPolicy({
  read: () => ask('policy-get'),
  onPolicy(view) {
    policy = view;
    show();
  },
});
// A cloudId read, a page reported or a token saved while the popup is open shows up without
// reopening it: the background says what changed, and the popup re-asks only for that.
listenForChanges({
  addListener: (listener) => browser.runtime.onMessage.addListener(listener),
  extension: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
  topics: ['tokens', 'sites', 'tabs', 'health', 'policy'],
  onChange(topics) {
    if (topics.has('policy')) reloadPolicy();
    refresh();
  },
});
