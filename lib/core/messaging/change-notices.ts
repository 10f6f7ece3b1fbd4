import type { StorageAreaLike } from '../storage/storage-area';

/*
 * Pages learn that something they show has changed from a small notice the background sends,
 * never from raw storage events (those carry the stored values, the vault's included, and fire
 * on every activity write). A page re-asks for what it shows, debounced.
 */

export const CHANGE_TOPICS = ['tokens', 'sites', 'dc-sites', 'tabs', 'activity', 'reminders', 'health', 'policy'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

/** The whole notice: no data, only what changed. */
export interface ChangeNotice {
  changed: ChangeTopic;
}

export function isChangeNotice(message: unknown): message is ChangeNotice {
  if (typeof message !== 'object' || message === null) return false;
  const keys = Object.keys(message);
  const topic = (message as { changed?: unknown }).changed;
  return keys.length === 1 && typeof topic === 'string' && (CHANGE_TOPICS as readonly string[]).includes(topic);
}

/** The background's side: `broadcast` is `runtime.sendMessage`, which fails when no page listens. */
export function createNotifier(broadcast: (notice: ChangeNotice) => Promise<unknown>): (topic: ChangeTopic) => void {
  return (topic) => void broadcast({ changed: topic }).catch(() => {});
}

/** A storage area whose every write sends `topic`'s notice once it is done. */
export function notifyingArea(area: StorageAreaLike, notify: () => void): StorageAreaLike {
  return {
    get: (keys) => area.get(keys),
    async set(items) {
      await area.set(items);
      notify();
    },
    async remove(keys) {
      await area.remove(keys);
      notify();
    },
  };
}

export interface NoticeSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * The page's side: calls `onChange` once per burst of notices on `topics`, `delayMs` after the
 * last one. Only the background counts as a sender: it has no tab, and its URL is the extension's.
 */
export function listenForChanges(options: {
  addListener(listener: (message: unknown, sender: NoticeSender) => undefined): void;
  extension: { id: string; baseUrl: string };
  topics: readonly ChangeTopic[];
  onChange(topics: ReadonlySet<ChangeTopic>): void;
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}): void {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let pending = new Set<ChangeTopic>();
  let timer: unknown;
  options.addListener((message, sender) => {
    if (!isChangeNotice(message) || !options.topics.includes(message.changed)) return undefined;
    if (sender.id !== options.extension.id || sender.tab !== undefined || !sender.url?.startsWith(options.extension.baseUrl)) return undefined;
    pending.add(message.changed);
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => {
      timer = undefined;
      const topics = pending;
      pending = new Set();
      options.onChange(topics);
    }, options.delayMs ?? 150);
    return undefined;
  });
}
