import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupActions, type PopupState } from '../../components/popup/Popup';
import type { CloudIdRefreshView } from '../../components/pages/TabSection';
import type { TokensView, WatchView } from '../../components/popup/TokensSection';
import { PopupGuide } from '../../components/tokens/PopupGuide';
import type { BackgroundMessages } from '../../lib/background';
import { AskError, createAsk } from '../../lib/core/messaging/ask';
import { listenForChanges } from '../../lib/core/messaging/change-notices';
import { tabIdFromSearch } from '../../lib/features/pages/tab-id-from-search';
import { tokenCoversSite } from '../../lib/features/tokens/token-site-match';
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
let tabId: number | null = null;
/** Results of what the person did in this popup; kept across reloads of the data. */
let health: TokensView['health'];
let allowSite: TokensView['allowSite'];
let cloudIdRefresh: CloudIdRefreshView | undefined;
let watch: WatchView | undefined;

function show(): void {
  const shown: PopupState = state.status === 'ready' ? { ...state, tokens: { ...state.tokens, health, watch, allowSite }, cloudIdRefresh } : state;
  render(<Popup state={shown} guide={<PopupGuide />} actions={actions} />, root);
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
  const [tab, [list, tokens]] = await Promise.all([ask('get-tab-state', { tabId }), sitesAndTokens]);
  const host = tab.host;
  const forSite = host === null ? null : (tokens.tokens.find((t) => tokenCoversSite(t, host)) ?? null);
  return {
    status: 'ready',
    tab,
    sites: 'sites' in list ? list.sites : [],
    ...('error' in list ? { sitesError: list.error } : {}),
    tokens: { tokens: tokens.tokens, lock: tokens.lock, forSite, onContent: tab.context?.kind === 'content' },
  };
}

async function runWatch(action: 'watch-status' | 'watch' | 'unwatch'): Promise<void> {
  if (tabId === null) return;
  const source = action === 'watch-status' ? 'status' : 'action';
  watch = { running: true, source, watching: watch?.watching };
  show();
  try {
    const shown = state.status === 'ready' && state.tab.context?.kind === 'content' ? state.tab.context.contentId : undefined;
    const result = await ask('action-run', shown === undefined ? { action, tabId } : { action, tabId, contentId: shown });
    watch = result.ok
      ? { running: false, source, watching: result.watching, sentence: result.sentence }
      : { running: false, source, watching: watch.watching, failure: result.failure };
  } catch (error) {
    watch = { running: false, source, watching: watch.watching, error: actionError(error) };
  }
  show();
}

/** A stored report older than this is refreshed when the popup opens. */
const REFRESH_AFTER_MS = 10 * 60_000;

/** Runs the token's health report on the tab's site (and page), keeping the last one in view meanwhile. */
function runHealth(tokenId: string): void {
  const site = state.status === 'ready' ? (state.tab.host ?? undefined) : undefined;
  health = { ...health, running: true, error: undefined };
  show();
  const fields = { id: tokenId, ...(site === undefined ? {} : { site }), ...(tabId === null ? {} : { tabId }) };
  ask('health-run', fields)
    .then((answer) => (health = { running: false, reports: answer.reports, now: answer.now }))
    .catch((error: unknown) => (health = { ...health, running: false, error: actionError(error) }))
    .finally(show);
}

/** The stored report for the token the tab's site uses: shown at once, refreshed when old. */
async function loadHealth(token: { id: string }, site: string): Promise<void> {
  try {
    const stored = await ask('health-reports', { tokenId: token.id, site });
    if (health?.running) return; // a run's answer is newer than what was stored
    health = { running: false, reports: stored.reports, now: stored.now };
    show();
    const old = stored.reports.some((r) => stored.now - r.checkedAt > REFRESH_AFTER_MS);
    if (old) runHealth(token.id);
  } catch (error) {
    health = { running: false, error: errorText(error) };
    show();
  }
}

const actions: PopupActions = {
  onAddToken: () => void browser.runtime.openOptionsPage(),
  onCheck: (tokenId) => runHealth(tokenId),
  onWatch: (action) => void runWatch(action),
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
let watchStatusAsked = false;

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
      show();
      // Whether this page is watched is worth one read when a usable token covers it.
      const tokens = next.status === 'ready' ? next.tokens : null;
      const host = next.status === 'ready' ? next.tab.host : null;
      if (tokens?.forSite && host !== null && tokens.lock !== 'locked') void loadHealth(tokens.forSite, host);
      if (!watchStatusAsked && tokens?.forSite && tokens.onContent && tokens.lock !== 'locked') {
        watchStatusAsked = true;
        void runWatch('watch-status');
      }
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
// A cloudId read, a page reported or a token saved while the popup is open shows up without
// reopening it: the background says what changed, and the popup re-asks only for that.
listenForChanges({
  addListener: (listener) => browser.runtime.onMessage.addListener(listener),
  extension: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
  topics: ['tokens', 'sites', 'tabs', 'health'],
  onChange: refresh,
});
