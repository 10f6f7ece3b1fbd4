import { createAtlassianClient, type AtlassianClientDeps } from './atlassian/client';
import type { ActivityEntry } from './atlassian/activity-log';
import { FLASH_COLOURS, type BadgeFlash } from './core/badge-flash';
import type { ClipboardWriter } from './core/clipboard/clipboard-writer';
import { notifyingArea, type ChangeTopic } from './core/messaging/change-notices';
import type { AnyMessageDefinition } from './core/messaging/define-message';
import { createMessageRouter, type MessageRouter } from './core/messaging/router';
import type { PortLike } from './core/messaging/port-frames';
import { servePort } from './core/messaging/port-server';
import { EXPORT_PORT_NAME, exportPortRequests, type ExportPortDeps } from './features/export/background/port-requests';
import type { ExportRoute } from './features/export/background/export-route';
import { exportPageUrl } from './features/export/page/export-address';
import type { ExtensionIdentity } from './core/messaging/sender-check';
import type { DeviceKeyStore } from './core/storage/device-key-store';
import type { StorageAreaLike } from './core/storage/storage-area';
import type { PageToaster } from './core/toast/page-toaster';
import { createActivityStore } from './features/activity/activity-store';
import { activityMessages, type ActivityDeps } from './features/activity/messages';
import { createActionDispatcher } from './features/page-actions/dispatcher';
import { createTokenChoices } from './features/page-actions/token-choices';
import type { ActionName } from './features/page-actions/action-names';
import { createSurfaceRunner, type SurfaceRunner } from './features/page-actions/surface-runner';
import { pageActionsMessages, type PageActionsDeps } from './features/page-actions/messages';
import { createCloudIdSource } from './features/pages/cloud-id-source';
import { pagesMessages, type PagesDeps } from './features/pages/messages';
import { createSiteRegistry } from './features/pages/site-registry';
import { createSitesArea } from './features/pages/sites-area';
import { createTabContextStore } from './features/pages/tab-contexts';
import { readTabPage } from './features/pages/tab-page';
import { calendarDateIn } from './features/reminders/local-date';
import { remindersMessages, type RemindersDeps } from './features/reminders/messages';
import { createReminderEntries } from './features/reminders/reminder-entries';
import { createReminderService, type ReminderService } from './features/reminders/reminder-service';
import { SILENT_REMINDER_SURFACE, type ReminderSurface } from './features/reminders/reminder-surface';
import { createRemindersArea } from './features/reminders/reminders-area';
import { createTokenChecker } from './features/token-checks/check-token';
import { withFailedChecks } from './features/token-checks/health/health-badge';
import { createHealthService, type HealthService } from './features/token-checks/health/health-service';
import { createHealthStore } from './features/token-checks/health/health-store';
import { createHealthChecker } from './features/token-checks/health/run-health';
import { createIdentityConfirmations } from './features/token-checks/identity-confirmations';
import { tokenChecksMessages, type TokenChecksDeps } from './features/token-checks/messages';
import { sendRoute } from './features/token-checks/send-route';
import { tokensMessages, type TokensDeps } from './features/tokens/messages';
import { resetTokenStorage } from './features/tokens/reset-token-storage';
import { createTokenVault } from './features/tokens/token-vault';
import { createDynamicContentScripts, type ScriptingApi } from './core/content-scripts/dynamic-content-scripts';
import { DC_SCRIPT_ID_PREFIX } from './features/dc-sites/dc-site-scripts';
import { createDcSiteService, type DcSiteService } from './features/dc-sites/dc-site-service';
import { createDcSiteStore } from './features/dc-sites/dc-site-store';
import { createDcSitesArea } from './features/dc-sites/dc-sites-area';
import { enableOnTab, type EnableOnTabDeps } from './features/dc-sites/enable-on-tab';
import { dcSitesMessages, type DcSitesDeps } from './features/dc-sites/messages';
import { dcSiteKey } from './sites/site-key';
import { toActionFailure } from './atlassian/failure-view';
import { organisationHelpSentence } from './features/policy/policy-view';
import { actionRefusal, exportRefusedFailure, hiddenActions, policyGuard, siteRefusal } from './features/policy/policy-refusals';
import { policyMessages, type PolicyDeps } from './features/policy/messages';
import { createPolicySource, type ManagedStorage } from './features/policy/policy-source';
import { withPolicy } from './features/policy/policy-vault';

/*
 * The composition root: builds the stores and the request client once, hands each feature the
 * dependencies it declares, and routes every message. The service worker and the handler tests
 * build the background the same way; only the platform differs.
 */

/** Every message the background accepts. docs/messages.md describes each one. */
export const backgroundMessages = [
  ...pagesMessages,
  ...tokensMessages,
  ...tokenChecksMessages,
  ...pageActionsMessages,
  ...activityMessages,
  ...remindersMessages,
  ...dcSitesMessages,
  ...policyMessages,
] as const satisfies readonly AnyMessageDefinition[];
export type BackgroundMessages = typeof backgroundMessages;

export type BackgroundDeps = PagesDeps & TokensDeps & TokenChecksDeps & PageActionsDeps & ActivityDeps & RemindersDeps & DcSitesDeps & PolicyDeps;

/** What Data Center sites need of the browser (none: a background that cannot add them, as in most tests). */
export interface DataCenterPlatform extends Omit<EnableOnTabDeps, 'dcSites'> {
  scripting: ScriptingApi;
  /** The content script file as built (`content-scripts/content.js`). */
  contentScriptFiles: string[];
  /** `permissions.remove` for an origin's pattern; false when the browser refused. */
  removeAccess(pattern: string): Promise<boolean>;
  /** Makes the menus again, with the added sites' pages matched and without the actions `hidden` (the policy's). */
  rebuildMenus(dcSites: readonly string[], hidden: readonly ActionName[]): Promise<void>;
}

/** What the browser (or a test) provides. */
export interface BackgroundPlatform {
  local: StorageAreaLike;
  session: StorageAreaLike;
  /** The vault's device key, kept where content scripts cannot reach it (the extension's IndexedDB). */
  deviceKeys: DeviceKeyStore;
  extension: ExtensionIdentity;
  /** The request client's fetch, clock, sleep and retry policy; its activity goes to the log. */
  clientDeps: Omit<AtlassianClientDeps, 'onActivity'>;
  getTab: PagesDeps['getTab'];
  /** Whether the extension may reach `origin` (an optional host permission for Data Center). */
  hasHostPermission(origin: string): Promise<boolean>;
  now(): number;
  /** Tells open extension pages that `topic` changed (a change notice, no data). */
  notify(topic: ChangeTopic): void;
  /** Where failures nobody waits for go (the background's console). */
  onError(what: string, error: unknown): void;
  /** Each call the client reports, after the log has it (tests read these). */
  onActivity?: (entry: ActivityEntry) => void;
  /** The vault's clock for dates people pick (tests fix it). */
  vaultNow?: () => Date;
  /** Notifications, the badge and opening tabs for expiry reminders (none: nothing is shown). */
  reminderSurface?: ReminderSurface;
  /** The person's time zone for reminder dates (tests fix it; default: the system's). */
  timeZone?: string;
  /** Writes the clipboard for context menus and shortcuts (Chrome: an offscreen document; Firefox: the event page). */
  clipboard?: ClipboardWriter;
  /** Shows a short result on a tab's page through its content script (false: the tab has none). */
  toaster?: PageToaster;
  /** Shows a result on the toolbar badge for a few seconds, then the badge the reminders compute. */
  flashBadge?: (flash: BadgeFlash) => Promise<void>;
  /** Opens the options page (the toolbar menu's "Options"). */
  openOptions?: () => Promise<void>;
  dataCenter?: DataCenterPlatform;
  /** `storage.managed`: the organisation's policy (none: no policy applies). */
  managedStorage?: ManagedStorage;
}

export interface Background {
  route: MessageRouter;
  /** A closed tab's page context goes with it. */
  onTabRemoved(tabId: number): Promise<void>;
  deps: BackgroundDeps;
  /** Expiry reminders: the alarm and notification listeners call these. */
  reminders: ReminderService;
  /** Health reports: the daily alarm runs every token's. */
  health: HealthService;
  /** Context menus and keyboard shortcuts: their listeners call these. */
  surfaces: SurfaceRunner;
  /** Data Center sites: their content scripts are registered again at every start. */
  dcSites: DcSiteService;
  /**
   * Makes the menus (on install and update, when sites or the policy change); `atStart`: only
   * when the policy hides other items than the menus were last made with in this browser session.
   */
  rebuildMenus(options?: { atStart?: boolean }): Promise<void>;
  /**
   * A page's long-lived port (`runtime.onConnect`): the export port is served, any other name is
   * closed at once.
   */
  connect(port: PortLike): void;
}

/** Page bodies (up to 32 MB each) cross the export port; runtime messages stay far smaller. */
const MAX_EXPORT_REPLY_CHARS = 48_000_000;

export function createBackground(platform: BackgroundPlatform): Background {
  const { local, session, notify } = platform;
  // Each store writes through an area that sends its topic's notice once a write is done.
  const watched = (area: StorageAreaLike, topic: ChangeTopic) => notifyingArea(area, () => notify(topic));

  const tabContexts = createTabContextStore(watched(session, 'tabs'));
  const sites = createSiteRegistry(createSitesArea(watched(local, 'sites')));
  const activity = createActivityStore(local, {
    onWriteError: (error) => platform.onError('Saving the activity log', error),
    onChange: () => notify('activity'),
  });
  // Expiry is judged on the person's calendar date, in their time zone.
  const today = () => calendarDateIn(new Date(platform.now()), platform.timeZone);
  // The badge follows every token change; bound late, the reminders need the vault built below.
  let reminders: ReminderService | undefined;
  const tokensArea = notifyingArea(local, () => {
    notify('tokens');
    void reminders?.refreshBadge().catch((error: unknown) => platform.onError('Updating the badge', error));
  });
  // An administrator's change reaches open pages at once, reminders follow its floor, menus its exports.
  const policy = createPolicySource(platform.managedStorage, () => {
    notify('policy');
    notify('tokens');
    void rebuildMenus().catch((error: unknown) => platform.onError('Updating the menus', error));
    void reminders?.evaluate().catch((error: unknown) => platform.onError('Sending reminders', error));
  });
  const storedVault = createTokenVault({
    local: tokensArea,
    session: watched(session, 'tokens'),
    deviceKeys: platform.deviceKeys,
    ...(platform.vaultNow ? { now: platform.vaultNow } : {}),
  });
  // Every feature reads tokens through the policy: forced read-only, allowed kinds (policy-vault.ts).
  const vault = withPolicy(storedVault, policy);
  const client = createAtlassianClient({
    ...platform.clientDeps,
    // No token goes to a site, or is sent as a kind, the organisation's policy leaves out, whichever feature asks.
    policyGuard: policyGuard(policy),
    onActivity: (entry) => {
      activity.record(entry);
      platform.onActivity?.(entry);
    },
  });
  // Reminder-only entries: their own key; each write tells pages (`reminders`), their handlers re-evaluate.
  const reminderEntries = createReminderEntries({ local: watched(local, 'reminders'), today });
  // Health reports live under their own key; the badge shows "!" for a token that failed its last check.
  const healthStore = createHealthStore(local);
  const surface = platform.reminderSurface ?? SILENT_REMINDER_SURFACE;
  const badgeSurface: ReminderSurface = {
    ...surface,
    async setBadge(view) {
      const tokens = await vault.list().catch(() => []);
      const reports = await health.reports({}, tokens).catch(() => []);
      const labels = new Map(tokens.map((t) => [t.id, t.label]));
      await surface.setBadge(withFailedChecks(view, reports, (id) => labels.get(id)));
    },
  };
  reminders = createReminderService({
    area: createRemindersArea(local),
    async thresholdRules() {
      const { policy: current } = await policy.get();
      return { defaults: current.reminderThresholdsDays, floor: current.minimumReminderDays };
    },
    tokens: () => vault.list(),
    entries: () => reminderEntries.list(),
    onError: platform.onError,
    surface: badgeSurface,
    today,
  });
  const cloudIds = createCloudIdSource({ sites, client });
  const dcSiteStore = createDcSiteStore(createDcSitesArea(watched(local, 'dc-sites')));
  // Menus outlive the service worker: what they were last made without, for this browser session.
  const MENUS_HIDDEN_KEY = 'menusHidden';
  async function rebuildMenus(options: { atStart?: boolean } = {}): Promise<void> {
    if (!platform.dataCenter) return;
    const [sites, { policy: current }] = await Promise.all([dcSiteStore.list(), policy.get()]);
    const hidden = hiddenActions(current);
    const made = hidden.join(',');
    if (options.atStart && (await session.get(MENUS_HIDDEN_KEY))[MENUS_HIDDEN_KEY] === made) return;
    await platform.dataCenter.rebuildMenus(sites.map((s) => s.baseUrl), hidden);
    await session.set({ [MENUS_HIDDEN_KEY]: made });
  }
  const dcSiteKeys = async () => (await dcSiteStore.list()).map((s) => s.baseUrl);
  const dcPlatform = platform.dataCenter;
  const noScripting: ScriptingApi = {
    registerContentScripts: async () => {
      throw new Error('This browser gives the extension no scripting API.');
    },
    unregisterContentScripts: async () => undefined,
    getRegisteredContentScripts: async () => [],
  };
  const dcSites = createDcSiteService({
    store: dcSiteStore,
    permissions: {
      contains: platform.hasHostPermission,
      remove: (origin) => dcPlatform?.removeAccess(`${origin}/*`) ?? Promise.resolve(false),
    },
    // The request client sends it: attempts, classification and the activity log as for every call.
    probe: (baseUrl, target) => client.probeDataCenter(baseUrl, target),
    scripts: createDynamicContentScripts(dcPlatform?.scripting ?? noScripting, { idPrefix: DC_SCRIPT_ID_PREFIX, js: dcPlatform?.contentScriptFiles ?? [] }),
    async tokenOrigins() {
      const tokens = await vault.list().catch(() => []);
      return tokens.flatMap((t) => {
        const key = t.kind === 'dc-pat' && t.dcBaseUrl ? dcSiteKey(t.dcBaseUrl) : undefined;
        return key ? [new URL(key).origin] : [];
      });
    },
    onSitesChanged: () => rebuildMenus(),
    policyRefusal: async (baseUrl) => siteRefusal(baseUrl, (await policy.get()).policy)?.message,
    now: platform.now,
    onError: platform.onError,
  });
  // Whose account a token signs in as, per site, for this service worker's life (page actions ask).
  const confirmations = createIdentityConfirmations({ client });
  const routeDeps = { vault, client, cloudIds, confirmations };
  const tokenChecks = createTokenChecker({ vault, client, cloudIds, hasHostPermission: platform.hasHostPermission, confirmations, today });
  const tabPage = (tabId: number) => readTabPage({ tabContexts, getTab: platform.getTab, dcSiteKeys }, tabId);
  // Which token a person picked per site: a change is a `tokens` change for the pages that show it.
  const tokenChoices = createTokenChoices(watched(local, 'tokens'));
  const healthChecker = createHealthChecker({
    vault,
    client,
    checker: tokenChecks,
    route: (token, secret, host, revision) => sendRoute(routeDeps, token, secret, host, revision),
    confirmations,
    // The store lists newest first; write rows read the log in the order it was written.
    activityLog: async () => (await activity.list('all').catch(() => [])).reverse(),
    store: healthStore,
    now: platform.now,
    today,
    onInvalidToken: (token, site, sentence) => health.alertRefused(token, site, sentence),
  });
  const health: HealthService = createHealthService({
    checker: healthChecker,
    store: healthStore,
    tokens: () => vault.list(),
    async tabPage(tabId) {
      const page = await tabPage(tabId);
      const context = page?.context;
      return context && 'contentId' in context ? { host: context.host, contentId: context.contentId } : undefined;
    },
    onReportsChanged() {
      notify('health');
      void reminders?.refreshBadge().catch((error: unknown) => platform.onError('Updating the badge', error));
    },
    showNotification: (id, notification) => surface.showNotification(id, notification),
    onError: platform.onError,
    organisationHelp: async () => organisationHelpSentence((await policy.get()).policy),
  });

  const deps: BackgroundDeps = {
    sites,
    cloudIds,
    tabContexts,
    getTab: platform.getTab,
    dataCenter: {
      keys: dcSiteKeys,
      get: (baseUrl) => dcSiteStore.get(baseUrl),
      seen: (baseUrl, now, version) => dcSiteStore.seen(baseUrl, now, version),
    },
    dcSites,
    policy,
    now: platform.now,
    vault,
    resetTokens: () => resetTokenStorage(watched(local, 'tokens')),
    async knownCloudSites() {
      // A damaged registry must not take the token list down with it: the sites part says so itself.
      const known = await sites.list().catch(() => []);
      return [...known].sort((a, b) => b.lastSeenAt - a.lastSeenAt).map((s) => s.host);
    },
    tokenChecks,
    health,
    actions: createActionDispatcher({
      today,
      vault,
      client,
      tabPage,
      sendRoute: (token, secret, host, revision) => sendRoute(routeDeps, token, secret, host, revision),
      confirmIdentity: (token, revision, route) => confirmations.confirm(token, revision, route),
      onInvalidToken: (token, host, failure) => health.tokenRefused(token, host, failure.message),
      choices: tokenChoices,
      dcSiteKeys,
      siteRefusal: async (site) => siteRefusal(site, (await policy.get()).policy),
      actionRefusal: async (action) => actionRefusal(action, (await policy.get()).policy),
    }),
    tokenChoices,
    openExport: (address) => surface.openTab(exportPageUrl(platform.extension.baseUrl, address)),
    activity,
    reminders,
    reminderEntries,
  };

  // Menus and shortcuts: the same dispatcher; feedback through the clipboard, a toast and the badge.
  const surfaces = createSurfaceRunner({
    actions: deps.actions,
    clipboard: platform.clipboard ?? {
      write: async () => {
        throw new Error('This browser gives the extension no clipboard.');
      },
    },
    toaster: platform.toaster ?? { show: async () => false },
    flash: async (tone, title) => platform.flashBadge?.({ text: tone === 'ok' ? '✓' : '!', colour: FLASH_COLOURS[tone], title }),
    async healthCheck(tabId) {
      const page = await tabPage(tabId);
      const host = page?.context?.host;
      if (!host) return { ok: false, sentence: 'Open a Confluence page to check the token for its site.' };
      const { chosen } = await deps.actions.tokensFor(host);
      if (!chosen) return { ok: false, sentence: `No saved token is meant for ${host}. Add one in the extension options.` };
      const outcome = await health.run(chosen.id, { site: host, tabId });
      if (!outcome.ok) return { ok: false, sentence: outcome.message };
      const report = outcome.reports[0];
      return report ? { ok: report.healthy, sentence: report.headline } : { ok: false, sentence: 'The check gave no result.' };
    },
    openOptions: platform.openOptions ?? (async () => {}),
    enableSite: (tab) =>
      dcPlatform ? enableOnTab({ ...dcPlatform, dcSites }, tab) : Promise.resolve({ ok: false, sentence: 'This browser cannot enable the extension on other sites.' }),
    openExport: deps.openExport,
    onError: platform.onError,
    organisationHelp: async () => organisationHelpSentence((await policy.get()).policy),
  });

  const route = createMessageRouter<BackgroundDeps>(backgroundMessages, deps, platform.extension, (type, error) =>
    platform.onError(`Handling "${type}"`, error),
  );

  async function exportRoute(host: string): Promise<ExportRoute> {
    if ((await policy.get()).policy.disableExport) return { ok: false, failure: toActionFailure(exportRefusedFailure()) };
    const routed = await deps.actions.routeFor(host);
    if (!routed.ok) {
      if (routed.failure.class === 'invalid-token' && routed.refusedToken) health.tokenRefused(routed.refusedToken, host, routed.failure.message);
      return { ok: false, failure: routed.failure };
    }
    return { ok: true, tokenLabel: routed.token.label, credential: routed.route.credential, site: routed.route.site };
  }
  function connect(port: PortLike) {
    if (port.name !== EXPORT_PORT_NAME) {
      port.disconnect();
      return;
    }
    servePort(port, ({ signal }) => {
      const exportDeps: ExportPortDeps = {
        routeFor: exportRoute,
        client,
        recordActivity: (entry) => {
          activity.record(entry);
          platform.onActivity?.(entry);
        },
        now: platform.now,
        signal,
      };
      return createMessageRouter<ExportPortDeps>(exportPortRequests, exportDeps, platform.extension, (type, error) => platform.onError(`Handling "${type}"`, error), {
        maxReplyChars: MAX_EXPORT_REPLY_CHARS,
      });
    });
  }

  return { route, onTabRemoved: (tabId) => tabContexts.remove(tabId), deps, reminders, health, surfaces, dcSites, rebuildMenus, connect };
}
