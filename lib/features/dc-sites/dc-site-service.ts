import type { ApiResult } from '../../atlassian/client';
import type { DcProbeAnswer, DcProbeTarget } from '../../atlassian/client/dc-probe';
import type { DynamicContentScripts, SyncOutcome } from '../../core/content-scripts/dynamic-content-scripts';
import { readDcAddress } from './dc-site-address';
import type { DcSiteRecord } from './dc-site-record';
import { dcScriptId, wantedScripts } from './dc-site-scripts';
import { dcSiteSentences } from './dc-site-sentences';
import type { DcSiteStore } from './dc-site-store';
import { judgeProbe } from './dc-probe-judge';

/*
 * A Data Center site's life: added from the person's click (the page asked the browser for the
 * origin first), checked to be Confluence before anything is saved, given a content script, and
 * on removal its script and (when nothing else needs it) the origin's access go back.
 */

export interface OriginPermissions {
  contains(origin: string): Promise<boolean>;
  /** Gives the origin's access back; false when the browser refused (e.g. a required permission). */
  remove(origin: string): Promise<boolean>;
}

export interface DcSiteServiceDeps {
  store: DcSiteStore;
  permissions: OriginPermissions;
  /** An unauthenticated GET through the request client (lib/atlassian/client/dc-probe.ts). */
  probe(baseUrl: string, target: DcProbeTarget): Promise<ApiResult<DcProbeAnswer>>;
  scripts: DynamicContentScripts;
  /** Origins of saved Data Center tokens: their access stays when a site goes. */
  tokenOrigins(): Promise<string[]>;
  /** The sites changed (menus follow them). */
  onSitesChanged(sites: readonly DcSiteRecord[]): Promise<void>;
  now(): number;
  onError(what: string, error: unknown): void;
  /** The organisation's refusal of a base URL (policy “allowedSites”), or undefined when allowed. */
  policyRefusal?(baseUrl: string): Promise<string | undefined>;
}

export type AddProblem = 'address' | 'not-allowed' | 'permission' | 'unreachable' | 'not-confluence';
export type AddOutcome = { ok: true; site: DcSiteRecord; alreadyAdded: boolean } | { ok: false; problem: AddProblem; sentence: string };

export interface DcSiteStatus {
  site: DcSiteRecord;
  /** The browser still lets the extension reach the origin (the person may revoke it in its settings). */
  accessGranted: boolean;
  scriptRegistered: boolean;
}

export interface DcSiteService {
  add(input: string): Promise<AddOutcome>;
  remove(baseUrl: string): Promise<{ removed: boolean; accessRemoved: boolean }>;
  statuses(): Promise<DcSiteStatus[]>;
  /** Registers the sites' content scripts again (every background start). */
  syncScripts(): Promise<SyncOutcome>;
  /** Gives back access to `origin` granted for a site that was not added, unless something needs it. */
  releaseAccess(origin: string): Promise<boolean>;
}

export function createDcSiteService(deps: DcSiteServiceDeps): DcSiteService {
  async function originInUse(origin: string, exceptBaseUrl: string): Promise<boolean> {
    const sites = await deps.store.list();
    if (sites.some((s) => s.baseUrl !== exceptBaseUrl && new URL(s.baseUrl).origin === origin)) return true;
    return (await deps.tokenOrigins()).includes(origin);
  }

  /** Access granted for an add that did not happen goes back, unless something else needs it. */
  async function releaseUnlessUsed(origin: string, baseUrl: string): Promise<boolean> {
    if (await originInUse(origin, baseUrl)) return false;
    return deps.permissions.remove(origin).catch((error: unknown) => {
      deps.onError('Giving back access to a Data Center server', error);
      return false;
    });
  }

  async function syncScripts(): Promise<SyncOutcome> {
    const outcome = await deps.scripts.sync(wantedScripts(await deps.store.list()));
    for (const failed of outcome.failed) deps.onError(`Registering the content script ${failed.id}`, new Error(failed.reason));
    return outcome;
  }

  async function changed(): Promise<void> {
    await syncScripts();
    await deps.onSitesChanged(await deps.store.list()).catch((error: unknown) => deps.onError('Updating the menus', error));
  }

  async function probe(baseUrl: string, target: DcProbeTarget): Promise<DcProbeAnswer | 'offline' | undefined> {
    const answer = await deps.probe(baseUrl, target);
    if (answer.ok) return answer.data;
    // A redirect (often to a login page) or an oversized page proves nothing either way.
    return answer.failure.class === 'offline' ? 'offline' : undefined;
  }

  return {
    async add(input) {
      const address = readDcAddress(input);
      if (!address.ok) return { ok: false, problem: 'address', sentence: address.sentence };
      const { baseUrl, origin, host } = address;
      const refused = await deps.policyRefusal?.(baseUrl);
      if (refused) {
        // Access the page asked for before it knew is given back: nothing may contact the server.
        await releaseUnlessUsed(origin, baseUrl);
        return { ok: false, problem: 'not-allowed', sentence: refused };
      }
      if (!(await deps.permissions.contains(origin))) return { ok: false, problem: 'permission', sentence: dcSiteSentences.noPermission(origin) };
      const existing = await deps.store.get(baseUrl);
      if (existing) {
        await changed();
        return { ok: true, site: existing, alreadyAdded: true };
      }
      const rest = await probe(baseUrl, 'rest');
      const refuse = async (problem: AddProblem, sentence: string): Promise<AddOutcome> => {
        await releaseUnlessUsed(origin, baseUrl);
        return { ok: false, problem, sentence };
      };
      if (rest === 'offline') return refuse('unreachable', dcSiteSentences.unreachable(host));
      const page = await probe(baseUrl, 'page');
      if (page === 'offline') return refuse('unreachable', dcSiteSentences.unreachable(host));
      const verdict = judgeProbe(rest, page);
      if (!verdict.confluence) return refuse('not-confluence', dcSiteSentences.notConfluence(host));
      const site: DcSiteRecord = { baseUrl, addedAt: deps.now(), lastSeenAt: null, version: verdict.version };
      await deps.store.save(site);
      await changed();
      return { ok: true, site, alreadyAdded: false };
    },

    async remove(baseUrl) {
      const removed = await deps.store.remove(baseUrl);
      await changed();
      if (!removed) return { removed, accessRemoved: false };
      return { removed, accessRemoved: await releaseUnlessUsed(new URL(baseUrl).origin, baseUrl) };
    },

    async statuses() {
      const [sites, ids] = await Promise.all([deps.store.list(), deps.scripts.ids().catch(() => [] as string[])]);
      return Promise.all(
        sites.map(async (site) => ({
          site,
          accessGranted: await deps.permissions.contains(new URL(site.baseUrl).origin).catch(() => false),
          scriptRegistered: ids.includes(dcScriptId(site.baseUrl)),
        })),
      );
    },

    syncScripts,
    releaseAccess: (origin) => releaseUnlessUsed(origin, ''),
  };
}
