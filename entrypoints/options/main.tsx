import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsPage, type OptionsActions, type OptionsData, type OptionsState, type TokenHealthView } from '../../components/options/OptionsPage';
import { SitesDamagedNotice } from '../../components/pages/SitesDamagedNotice';
import type { ReminderEntriesProps, ReminderEntriesState } from '../../components/reminders/ReminderEntries';
import { RemindersSection, type RemindersView } from '../../components/reminders/RemindersSection';
import { ShortcutsSection, type ShortcutView } from '../../components/shortcuts/ShortcutsSection';
import { PartProblemNotice } from '../../components/shared/PartProblemNotice';
import { featureScopeRows } from '../../components/tokens/feature-scope-rows';
import { activityToCsv, activityToJson } from '../../lib/features/activity/activity-export';
import type { ActivityFilter } from '../../lib/atlassian/activity-log';
import type { BackgroundMessages } from '../../lib/background';
import { AskError, createAsk, type AskReply } from '../../lib/core/messaging/ask';
import { listenForChanges, type ChangeTopic } from '../../lib/core/messaging/change-notices';
import { normaliseThresholds } from '../../lib/features/reminders/thresholds';
import { localIsoDate } from '../../lib/features/tokens/iso-date';
import { validateTokenInput } from '../../lib/features/tokens/validate-token-input';
import { DcSitesSection } from '../../components/dc-sites/DcSitesSection';
import { useDcSites } from './dc-sites-controller';
import { PolicyScope } from '../../components/policy/OrganisationPolicy';
import { policyFieldErrors } from '../../lib/features/policy/policy-vault';
import { NO_POLICY, type PolicyView } from '../../lib/features/policy/policy-view';
import { watchPolicy } from '../../lib/features/policy/watch-policy';
import '../popup/style.css';
import './style.css';

const ask = createAsk<BackgroundMessages>((message) => browser.runtime.sendMessage(message));
const scopeRows = featureScopeRows();
const ALL_TOPICS: ReadonlySet<ChangeTopic> = new Set(['tokens', 'activity']);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

type TokensListed = AskReply<BackgroundMessages, 'tokens-list'>;
type ActivityListed = AskReply<BackgroundMessages, 'activity-list'>;

/** A part the background refused to list because its stored data is damaged: its sentence. */
type PartProblem = { sentence: string; resetting: boolean } | null;
const NO_TOKENS: TokensListed = { tokens: [], lock: 'none', knownCloudSites: [], damaged: 0, undecryptable: [] };

/** The part's answer, or its refusal's sentence (`rejected`: the background says the data is damaged). */
async function part<T>(asking: Promise<T>): Promise<{ answer: T } | { refused: string }> {
  try {
    return { answer: await asking };
  } catch (error) {
    if (error instanceof AskError && error.code === 'rejected') return { refused: error.message };
    throw error;
  }
}

/** The page's state with the answers just received (null: not asked); the rest is kept. */
function withAnswers(s: OptionsState, list: TokensListed | null, activity: ActivityListed | null, activityFilter: ActivityFilter): OptionsState {
  const before = s.status === 'ready' ? s : null;
  if (!before && (!list || !activity)) return s;
  return {
    status: 'ready',
    tokens: list?.tokens ?? before!.tokens,
    lock: list?.lock ?? before!.lock,
    knownCloudSites: list?.knownCloudSites ?? before!.knownCloudSites,
    damaged: list?.damaged ?? before!.damaged,
    undecryptable: list?.undecryptable ?? before!.undecryptable,
    activity: activity?.entries ?? before!.activity,
    activityFilter,
    checks: before?.checks ?? {},
    health: before?.health ?? {},
    editing: before?.editing ?? null,
    replacing: before?.replacing ?? null,
    replaced: before?.replaced ?? null,
  };
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Holds the page's state and turns the view's callbacks into requests to the background. */
function OptionsApp() {
  const [state, setState] = useState<OptionsState>({ status: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ what: string; ok: boolean } | null>(null);
  /** The known-sites part: a sentence when its stored data is damaged, on its own so the rest still loads. */
  const [sitesProblem, setSitesProblem] = useState<{ sentence: string; resetting: boolean } | null>(null);
  const checkSites = useCallback(() => {
    ask('list-sites').then(
      () => setSitesProblem(null),
      (error: unknown) => setSitesProblem({ sentence: message(error), resetting: false }),
    );
  }, []);
  const [tokensProblem, setTokensProblem] = useState<PartProblem>(null);
  const [activityProblem, setActivityProblem] = useState<PartProblem>(null);
  const [reminders, setReminders] = useState<RemindersView | null>(null);
  const [policy, setPolicy] = useState<PolicyView>(NO_POLICY);
  const policyRef = useRef(policy);
  policyRef.current = policy;
  const reloadPolicy = useRef<() => void>(() => {});
  useEffect(() => {
    reloadPolicy.current = watchPolicy({ read: () => ask('policy-get'), onPolicy: setPolicy, onError: (error) => setNotice(message(error)) });
  }, []);
  const [shortcuts, setShortcuts] = useState<ShortcutView[] | null>(null);
  useEffect(() => {
    browser.commands.getAll().then(
      (commands) =>
        setShortcuts(
          commands.map((c) => ({
            name: c.name ?? '',
            // `_execute_action` has no description of its own in some browsers.
            description: c.description || (c.name === '_execute_action' ? 'Open Confluence Token Companion' : (c.name ?? '')),
            shortcut: c.shortcut ?? '',
          })),
        ),
      () => setShortcuts([]),
    );
  }, []);
  const [entries, setEntries] = useState<ReminderEntriesState>({ status: 'loading' });
  const [editingEntry, setEditingEntry] = useState<string | null>(null);
  const [entriesNotice, setEntriesNotice] = useState<string | null>(null);
  const today = localIsoDate(new Date());
  // Bound late: `check` is defined below; a PAT saved with a site is checked like any new token.
  const checkRef = useRef<(id: string) => void>(() => {});
  const dcSites = useDcSites(ask, state.status === 'ready' ? state.tokens : [], state.status === 'ready' && state.lock === 'locked', (id) => {
    void reload();
    checkRef.current(id);
  }, () => policyRef.current.policy);
  const patch = (change: Partial<OptionsData>) => setState((s) => (s.status === 'ready' ? { ...s, ...change } : s));

  // The activity filter outlives reloads; a ref lets the storage listener read its latest value.
  const filter = useRef<ActivityFilter>('all');

  /** Re-asks for what `topics` cover: tokens and sites for the token list, activity for the log. */
  const reload = useCallback(async (topics: ReadonlySet<ChangeTopic> = ALL_TOPICS) => {
    try {
      const wantTokens = topics.has('tokens') || topics.has('sites');
      // Each part on its own: damaged tokens must not hide the activity log, nor the other way round.
      const [listed, logged] = await Promise.all([
        wantTokens ? part(ask('tokens-list')) : null,
        topics.has('activity') ? part(ask('activity-list', { filter: filter.current })) : null,
      ]);
      if (listed) setTokensProblem('refused' in listed ? { sentence: listed.refused, resetting: false } : null);
      if (logged) setActivityProblem('refused' in logged ? { sentence: logged.refused, resetting: false } : null);
      const list = listed && ('answer' in listed ? listed.answer : NO_TOKENS);
      const activity = logged && ('answer' in logged ? logged.answer : { entries: [] });
      setState((s) => withAnswers(s, list, activity, filter.current));
    } catch (error) {
      setState((s) => (s.status === 'ready' ? s : { status: 'error', message: message(error) }));
      setNotice(message(error));
    }
  }, []);

  const loadReminders = useCallback(() => {
    ask('reminders-settings').then(
      (settings) => setReminders({ ...settings, status: null }),
      (error: unknown) => setReminders({ thresholds: [], choices: [], status: message(error) }),
    );
  }, []);
  useEffect(loadReminders, [loadReminders]);

  // A reminder's "Renew" button opens options.html#renew=<id>: that token's "Replace token" form, once loaded.
  const renewId = useRef(/^#renew=([A-Za-z0-9_-]{1,64})$/.exec(location.hash)?.[1]);
  useEffect(() => {
    if (state.status !== 'ready' || renewId.current === undefined) return;
    const id = renewId.current;
    renewId.current = undefined;
    history.replaceState(null, '', location.pathname);
    if (state.tokens.some((t) => t.id === id)) patch({ replacing: id, editing: null });
    else setNotice('The token this reminder was about is no longer saved here, so there is nothing to replace.');
  }, [state.status]);

  // Reminder-only entries load on their own: damaged entries must not hide the tokens, nor the other way round.
  const loadEntries = useCallback(async () => {
    try {
      setEntries({ status: 'ready', entries: (await ask('reminder-entries-list')).entries });
    } catch (error) {
      setEntries(
        error instanceof AskError && error.code === 'rejected'
          ? { status: 'damaged', sentence: error.message, resetting: false }
          : { status: 'error', sentence: message(error) },
      );
    }
  }, []);
  useEffect(() => void loadEntries(), [loadEntries]);

  // An entry's reminder "Renew" opens options.html#entry=<id>: that entry's form, once loaded.
  const entryId = useRef(/^#entry=([A-Za-z0-9_-]{1,64})$/.exec(location.hash)?.[1]);
  useEffect(() => {
    if (entries.status !== 'ready' || entryId.current === undefined) return;
    const id = entryId.current;
    entryId.current = undefined;
    history.replaceState(null, '', location.pathname);
    if (entries.entries.some((e) => e.id === id)) setEditingEntry(id);
  }, [entries.status]);

  const entryActions: ReminderEntriesProps = {
    state: entries,
    today,
    editing: editingEntry,
    notice: entriesNotice,
    onStartAdd: () => setEditingEntry('new'),
    onEdit: setEditingEntry,
    onCancel: () => setEditingEntry(null),
    async onSave(input, id) {
      setEntriesNotice(null);
      const result = await ask('reminder-entries-save', id === undefined ? { input } : { id, input });
      if (result.ok) {
        setEditingEntry(null);
        await loadEntries();
      }
      return result;
    },
    onRemove(id) {
      const entry = entries.status === 'ready' ? entries.entries.find((e) => e.id === id) : undefined;
      if (!confirm(`Remove the reminder-only entry “${entry?.label ?? id}”? Its reminders stop.`)) return;
      setEntriesNotice(null);
      ask('reminder-entries-remove', { id })
        .catch((error: unknown) => setEntriesNotice(message(error)))
        .finally(() => void loadEntries());
    },
    onReset() {
      if (!confirm('Reset the reminder-only entries? The damaged data is deleted; you then add your entries again.')) return;
      setEntries((e) => (e.status === 'damaged' ? { ...e, resetting: true } : e));
      ask('reminder-entries-reset')
        .catch((error: unknown) => setEntriesNotice(message(error)))
        .finally(() => void loadEntries());
    },
  };

  const setThresholds = (thresholds: number[]) => {
    setReminders((r) => r && { ...r, thresholds, status: 'Saving…' });
    ask('reminders-set-thresholds', { thresholds: normaliseThresholds(thresholds, reminders?.choices) }).then(
      (settings) => setReminders({ ...settings, status: 'Saved.' }),
      (error: unknown) => setReminders((r) => r && { ...r, status: message(error) }),
    );
  };

  const setHealth = (id: string, view: TokenHealthView) =>
    setState((s) => (s.status === 'ready' ? { ...s, health: { ...s.health, [id]: view } } : s));

  // Stored reports, shown with their age until the person asks for a fresh one.
  const loadHealth = useCallback(async () => {
    try {
      const { reports, now } = await ask('health-reports', {});
      setState((s) => {
        if (s.status !== 'ready') return s;
        const byToken: Record<string, TokenHealthView> = {};
        for (const r of reports) (byToken[r.tokenId] ??= { running: false, reports: [], now }).reports!.push(r);
        // A run under way keeps its own view.
        const running = Object.fromEntries(Object.entries(s.health ?? {}).filter(([, v]) => v.running));
        return { ...s, health: { ...byToken, ...running } };
      });
    } catch {
      // Reports are a cache: without them the rows just offer a fresh one.
    }
  }, []);

  const runHealth = async (id: string) => {
    setState((s) => (s.status === 'ready' ? { ...s, health: { ...s.health, [id]: { ...s.health?.[id], running: true, error: undefined } } } : s));
    try {
      const { reports, now } = await ask('health-run', { id });
      setHealth(id, { running: false, reports, now });
    } catch (error) {
      setState((s) => (s.status === 'ready' ? { ...s, health: { ...s.health, [id]: { ...s.health?.[id], running: false, error: message(error) } } } : s));
    }
  };

  useEffect(() => {
    if (state.status === 'ready') void loadHealth();
  }, [state.status, loadHealth]);

  useEffect(() => {
    void reload();
    checkSites();
    // Another page (the popup, a second options tab) or the background changing tokens or the
    // log shows up here; the background's notice says which, and carries no data.
    listenForChanges({
      addListener: (listener) => browser.runtime.onMessage.addListener(listener),
      extension: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
      topics: ['tokens', 'sites', 'dc-sites', 'activity', 'reminders', 'health', 'policy'],
      onChange: (topics) => {
        if (topics.has('policy')) {
          reloadPolicy.current();
          loadReminders();
        }
        if (topics.has('dc-sites')) dcSites.reload();
        void reload(topics);
        if (topics.has('sites')) checkSites();
        if (topics.has('reminders')) void loadEntries();
        if (topics.has('health')) void loadHealth();
      },
    });
  }, [reload, checkSites, loadEntries, loadHealth, loadReminders]);

  const check = async (id: string) => {
    setState((s) => (s.status === 'ready' ? { ...s, checks: { ...s.checks, [id]: { running: true } } } : s));
    let view: OptionsData['checks'][string];
    try {
      const report = await ask('tokens-check', { id });
      view = { running: false, results: report.results };
    } catch (error) {
      view = { running: false, error: message(error) };
    }
    setState((s) => (s.status === 'ready' ? { ...s, checks: { ...s.checks, [id]: view } } : s));
  };
  checkRef.current = (id) => void check(id);

  const guard = async <T,>(action: () => Promise<T>): Promise<T> => {
    setNotice(null);
    try {
      return await action();
    } catch (error) {
      setNotice(message(error));
      throw error;
    } finally {
      void reload();
    }
  };

  const actions: OptionsActions = {
    onStartAdd: () => patch({ editing: 'new' }),
    onEdit: (id) => patch({ editing: id }),
    onCancelEdit: () => patch({ editing: null }),
    async onSave(write) {
      // An update carries the revision its form was filled from: a token changed since is refused as stale.
      const result = await (write.kind === 'update'
        ? ask('tokens-update', { id: write.id, revision: write.revision, input: write.input })
        : ask('tokens-add', { input: write.input }));
      if (result.ok) {
        patch({ editing: null });
        await reload();
        void check(result.token.id); // a saved token is checked at once
      }
      return result;
    },
    async onReloadToken(id) {
      // Asked here, not through reload(): a failure must reach the form, which says it.
      const list = await ask('tokens-list');
      setState((s) => withAnswers(s, list, null, filter.current));
      return list.tokens.find((t) => t.id === id);
    },
    onRemove(id) {
      const token = state.status === 'ready' ? state.tokens.find((t) => t.id === id) : undefined;
      if (!confirm(`Remove the token “${token?.label ?? id}”? Its secret is deleted from this browser.`)) return;
      void guard(() => ask('tokens-remove', { id })).catch(() => {});
    },
    onCheck: (id) => void check(id),
    onHealth: (id) => void runHealth(id),
    onGrantPermission(tokenId, origin) {
      // Must run in the click's user gesture: no await before the request.
      void browser.permissions
        .request({ origins: [`${origin}/*`] })
        .then((granted) => (granted ? check(tokenId) : setNotice(`Access to ${origin} was not granted, so the token cannot be checked.`)))
        .catch((error: unknown) => setNotice(message(error)));
    },
    onSetPassphrase: (p) => guard(() => ask('vault-set-passphrase', { passphrase: p })),
    onChangePassphrase: (o, n) => guard(() => ask('vault-change-passphrase', { oldPassphrase: o, newPassphrase: n })),
    onRemovePassphrase: (p) => guard(() => ask('vault-remove-passphrase', { passphrase: p })),
    onUnlock: (p) => guard(() => ask('vault-unlock', { passphrase: p })),
    onLock: () => guard(() => ask('vault-lock')),
    onActivityFilter(next) {
      filter.current = next;
      void reload();
    },
    onActivityRefresh: () => void reload(),
    onActivityExport(format) {
      // The buttons are gone under the policy; a stale view must not export either.
      if (state.status !== 'ready' || policy.policy.disableActivityExport) return;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      if (format === 'json') download(`confluence-activity-${stamp}.json`, 'application/json', activityToJson(state.activity));
      else download(`confluence-activity-${stamp}.csv`, 'text/csv', activityToCsv(state.activity));
    },
    onActivityClear() {
      if (!confirm('Clear the whole activity log?')) return;
      void guard(() => ask('activity-clear')).catch(() => {});
    },
    onValidate(input, editing) {
      const existing = state.status === 'ready' ? state.tokens : [];
      const context = editing ? { today, existing, editing: { id: editing.id, expiresOn: editing.expiresOn } } : { today, existing };
      const result = validateTokenInput(input, context);
      // The organisation's refusals show while typing; the background refuses them on saving too.
      return { ...policyFieldErrors(input, policy.policy), ...(result.ok ? {} : result.errors) };
    },
    replace: {
      onStart: (id) => patch({ replacing: id, editing: null }),
      onCancel: () => patch({ replacing: null }),
      async onSubmit(write) {
        const result = await (write.kind === 'replace'
          ? ask('tokens-replace', { id: write.id, revision: write.revision, secret: write.secret, ...(write.expiresOn !== undefined ? { expiresOn: write.expiresOn } : {}) })
          : ask('tokens-add', { input: write.input }));
        if (result.ok) {
          patch({ replacing: null, replaced: result.token.id });
          // The renewed token is checked at once, by the Check button's own path, and its health report runs again.
          void check(result.token.id);
          void runHealth(result.token.id);
          await reload();
        }
        return result;
      },
    },
    onCopyScopes(what, scopes) {
      // Space-separated: the form Atlassian's scope picker and most docs use.
      navigator.clipboard.writeText(scopes.join(' ')).then(
        () => setCopied({ what, ok: true }),
        () => setCopied({ what, ok: false }),
      );
    },
  };

  const resetPart = (kind: 'tokens' | 'activity') => {
    const setProblem = kind === 'tokens' ? setTokensProblem : setActivityProblem;
    const warning =
      kind === 'tokens'
        ? 'Reset the saved tokens? The damaged data is deleted; you then add your tokens again.'
        : 'Clear the damaged activity log?';
    if (!confirm(warning)) return;
    setProblem((p) => p && { ...p, resetting: true });
    (kind === 'tokens' ? ask('tokens-reset') : ask('activity-clear'))
      .catch((error: unknown) => setNotice(message(error)))
      .finally(() => void reload());
  };

  const resetSites = () => {
    setSitesProblem((p) => p && { ...p, resetting: true });
    ask('sites-reset')
      .then(checkSites, (error: unknown) => setSitesProblem({ sentence: message(error), resetting: false }))
      .finally(() => void reload());
  };

  return (
    <PolicyScope value={policy}>
      {sitesProblem && (
        <div class="options part-problem">
          <SitesDamagedNotice sentence={sitesProblem.sentence} resetting={sitesProblem.resetting} onReset={resetSites} />
        </div>
      )}
      {(tokensProblem || activityProblem) && (
        <div class="options part-problem">
          {tokensProblem && (
            <PartProblemNotice testId="tokens-damaged" sentence={tokensProblem.sentence} resetLabel="Reset the saved tokens" resetting={tokensProblem.resetting} onReset={() => resetPart('tokens')} />
          )}
          {activityProblem && (
            <PartProblemNotice testId="activity-damaged" sentence={activityProblem.sentence} resetLabel="Clear the activity log" resetting={activityProblem.resetting} onReset={() => resetPart('activity')} />
          )}
        </div>
      )}
      <OptionsPage state={state} today={today} scopeRows={scopeRows} notice={notice} copied={copied} actions={actions} />
      <div class="options options-after">
        {state.status === 'ready' && <DcSitesSection view={dcSites.view} actions={dcSites.actions} />}
        <RemindersSection view={reminders} onChange={setThresholds} entries={entryActions} />
        <ShortcutsSection shortcuts={shortcuts} where={SHORTCUTS_WHERE} />
      </div>
    </PolicyScope>
  );
}

/** Chrome lists shortcuts at chrome://extensions/shortcuts; Firefox under Add-ons → ⚙ → Manage Extension Shortcuts. */
const SHORTCUTS_WHERE = navigator.userAgent.includes('Firefox/')
  ? 'Change them in Firefox: Add-ons and themes (about:addons) → the gear menu → Manage Extension Shortcuts.'
  : 'Change them in Chrome at chrome://extensions/shortcuts (extension pages may not link there: type it in the address bar).';

render(<OptionsApp />, document.getElementById('app')!);
