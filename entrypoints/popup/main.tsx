import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupState } from '../../components/Popup';
import { requestSiteList, requestTabState, tabIdFromSearch, type SendMessage } from '../../lib/messages/popup-requests';
import './style.css';

const root = document.getElementById('app')!;
const send: SendMessage = (message) => browser.runtime.sendMessage(message);

function show(state: PopupState): void {
  render(<Popup state={state} />, root);
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
  const tabId = await targetTabId();
  if (tabId === null) return { status: 'error', message: 'There is no current tab to describe.' };
  const [tab, list] = await Promise.all([requestTabState(send, tabId), requestSiteList(send)]);
  return { status: 'ready', tab, sites: list.sites };
}

let loading: Promise<void> | null = null;
let reloadWanted = false;

/** Loads and shows; a reload asked for meanwhile runs once the current load is done. */
function refresh(): void {
  if (loading) {
    reloadWanted = true;
    return;
  }
  loading = load()
    .catch((error: unknown): PopupState => ({ status: 'error', message: error instanceof Error ? error.message : String(error) }))
    .then(show)
    .finally(() => {
      loading = null;
      if (reloadWanted) {
        reloadWanted = false;
        refresh();
      }
    });
}

show({ status: 'loading' });
refresh();
// A cloudId read or a page reported while the popup is open shows up without reopening it.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local' || area === 'session') refresh();
});
