/*
 * Content scripts registered at run time (`scripting.registerContentScripts`) for origins the
 * person granted, kept in step with a list the caller owns. Not persisted by the browser
 * (`persistAcrossSessions: false`): the background registers them again at every start from its
 * own list, so Chrome and Firefox behave alike and a stale registration cannot outlive its site.
 * (webext-dynamic-content-scripts registers the manifest's scripts on every granted origin; here
 * only the sites the person added get one, and the list is ours to test.)
 */

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** The slice of `browser.scripting` this needs. */
export interface ScriptingApi {
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string; matches?: string[] }>>;
}

export interface SyncOutcome {
  registered: string[];
  unregistered: string[];
  /** Scripts the browser refused (e.g. the person revoked the origin's access). */
  failed: Array<{ id: string; reason: string }>;
}

export interface DynamicContentScripts {
  /** Makes the registered scripts with our prefix exactly `wanted` (id → match patterns). */
  sync(wanted: ReadonlyMap<string, readonly string[]>): Promise<SyncOutcome>;
  /** The ids registered now, with our prefix. */
  ids(): Promise<string[]>;
}

const sameMatches = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((m, i) => m === b[i]);

export function createDynamicContentScripts(api: ScriptingApi, options: { idPrefix: string; js: string[] }): DynamicContentScripts {
  const ours = async () => (await api.getRegisteredContentScripts()).filter((s) => s.id.startsWith(options.idPrefix));
  // One sync at a time: two overlapping ones would both register the same id (which throws).
  let queue: Promise<unknown> = Promise.resolve();

  async function syncNow(wanted: ReadonlyMap<string, readonly string[]>): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { registered: [], unregistered: [], failed: [] };
    const present = await ours();
    const stale = present.filter((s) => !sameMatches(s.matches, wanted.get(s.id) ?? [])).map((s) => s.id);
    if (stale.length > 0) {
      await api.unregisterContentScripts({ ids: stale });
      outcome.unregistered.push(...stale);
    }
    const kept = new Set(present.map((s) => s.id).filter((id) => !stale.includes(id)));
    for (const [id, matches] of wanted) {
      if (kept.has(id)) continue;
      try {
        // One at a time: a refused origin must not keep the others from being registered.
        await api.registerContentScripts([{ id, matches: [...matches], js: options.js, runAt: 'document_idle', persistAcrossSessions: false }]);
        outcome.registered.push(id);
      } catch (error) {
        outcome.failed.push({ id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return outcome;
  }

  return {
    sync(wanted) {
      const run = queue.then(() => syncNow(wanted));
      queue = run.catch(() => undefined);
      return run;
    },
    async ids() {
      return (await ours()).map((s) => s.id);
    },
  };
}
