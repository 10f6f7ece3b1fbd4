import type { HealthReport } from '../../lib/features/token-checks/health/health-report';
import type { SiteCheckResult } from '../../lib/features/token-checks/token-check-result';
import type { ActivityEntry, ActivityFilter } from '../../lib/atlassian/activity-log';
import type { IsoDate } from '../../lib/features/tokens/iso-date';
import type { TokenFieldErrors, TokenFormInput } from '../../lib/features/tokens/token-form-input';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import type { LockState, PassphraseResult, TokenWriteResult } from '../../lib/features/tokens/token-vault';
import { damagedSentence, undecryptableSentence } from '../../lib/features/tokens/unusable-token-sentences';
import type { TokenWrite } from '../tokens/edit-conflict';
import { ScopeGuide, type FeatureScopeRow } from '../tokens/ScopeGuide';
import { ActivityLog } from '../activity/ActivityLog';
import { PassphrasePanel } from '../tokens/PassphrasePanel';
import type { ReplaceWrite } from '../tokens/replace-draft';
import { ReplaceTokenForm } from '../tokens/ReplaceTokenForm';
import { TokenForm } from '../tokens/TokenForm';
import { TokenRow } from '../tokens/TokenRow';
import { PolicySection } from '../policy/PolicySection';

/*
 * The options page: tokens, the passphrase lock, scope guidance and the activity log. A view:
 * state and callbacks come from entrypoints/options/main.tsx.
 * data-testids: options-page (data-state), add-token-open, add-unlock-first, lock-banner,
 * options-error, token-list, no-tokens, tokens-damaged, tokens-undecryptable; the parts' own are
 * listed in TokenRow, TokenFormView, ReplaceTokenView, PassphraseView, ScopeGuide and ActivityLog.
 */

/** A token's health reports in this page: the stored ones, then a fresh run's. */
export interface TokenHealthView {
  running: boolean;
  reports?: HealthReport[];
  now?: number;
  error?: string;
}

export interface TokenCheckView {
  running: boolean;
  results?: SiteCheckResult[];
  error?: string;
}

export interface OptionsData {
  tokens: TokenSummary[];
  lock: LockState;
  knownCloudSites: string[];
  /** Saved records that are not valid tokens (tokens-list `damaged`). */
  damaged?: number;
  /** Ids of tokens whose secret this browser can no longer decrypt (tokens-list `undecryptable`). */
  undecryptable?: string[];
  activity: ActivityEntry[];
  activityFilter: ActivityFilter;
  checks: Record<string, TokenCheckView>;
  /** Health reports per token id. */
  health?: Record<string, TokenHealthView>;
  /** 'new' while adding, a token id while editing, null otherwise. */
  editing: string | null;
  /** The token whose "Replace token" form is open. */
  replacing?: string | null;
  /** The token last replaced in this page (its row says so). */
  replaced?: string | null;
}

export type OptionsState = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & OptionsData);

export interface OptionsActions {
  onStartAdd(): void;
  onEdit(id: string): void;
  onCancelEdit(): void;
  /** Adds a token, or updates one based on the revision its form was filled from. */
  onSave(write: TokenWrite): Promise<TokenWriteResult>;
  /** Reloads the token list for a form whose save was stale; the token as it is now, if it still exists. */
  onReloadToken(id: string): Promise<TokenSummary | undefined>;
  /** The background's own checks, for messages while typing (`editing`: the token being edited). */
  onValidate(input: TokenFormInput, editing: TokenSummary | undefined): TokenFieldErrors;
  onRemove(id: string): void;
  onCheck(id: string): void;
  /** Runs the token's health report on every site it is for. */
  onHealth?(id: string): void;
  onGrantPermission(tokenId: string, origin: string): void;
  onSetPassphrase(p: string): Promise<PassphraseResult>;
  onChangePassphrase(oldP: string, newP: string): Promise<PassphraseResult>;
  onRemovePassphrase(p: string): Promise<PassphraseResult>;
  onUnlock(p: string): Promise<PassphraseResult>;
  onLock(): Promise<PassphraseResult>;
  onActivityFilter(filter: ActivityFilter): void;
  onActivityRefresh(): void;
  onActivityExport(format: 'json' | 'csv'): void;
  onActivityClear(): void;
  onCopyScopes(what: string, scopes: string[]): void;
  /** "Replace token" (the renew flow); absent: no such button. */
  replace?: ReplaceActions;
}

export interface ReplaceActions {
  onStart(id: string): void;
  /** Replaces the token's secret and expiry (or saves it as a new token when it was removed). */
  onSubmit(write: ReplaceWrite): Promise<TokenWriteResult>;
  onCancel(): void;
}

export interface OptionsPageProps {
  state: OptionsState;
  today: IsoDate;
  scopeRows: FeatureScopeRow[];
  /** A problem from the last action, shown at the top (e.g. the background did not answer). */
  notice: string | null;
  /** The last scope copy, for its "Copied." line. */
  copied?: { what: string; ok: boolean } | null;
  actions: OptionsActions;
}

export function OptionsPage({ state, today, scopeRows, notice, copied = null, actions }: OptionsPageProps) {
  return (
    <main class="options" data-testid="options-page" data-state={state.status} aria-busy={state.status === 'loading'}>
      <h1>Confluence Token Companion</h1>
      <PolicySection />
      {notice && (
        <p class="notice notice-error" role="alert" data-testid="options-error">
          {notice}
        </p>
      )}
      {state.status === 'loading' && (
        <p class="note" role="status">
          Loading…
        </p>
      )}
      {state.status === 'error' && (
        <p class="notice notice-error" role="alert" data-testid="options-error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && <Ready data={state} today={today} scopeRows={scopeRows} copied={copied} actions={actions} />}
    </main>
  );
}

interface ReadyProps {
  data: OptionsData;
  today: IsoDate;
  scopeRows: FeatureScopeRow[];
  copied: { what: string; ok: boolean } | null;
  actions: OptionsActions;
}

function Ready({ data, today, scopeRows, copied, actions }: ReadyProps) {
  const locked = data.lock === 'locked';
  const editingId = data.editing && data.editing !== 'new' ? data.editing : null;
  const editingToken = editingId ? data.tokens.find((t) => t.id === editingId) : undefined;
  // A token removed in another window while its form is open: the form stays, as the last item of
  // the same keyed list (same key, so Preact keeps it and what was typed in it).
  const replacingId = data.replacing ?? null;
  const replacingToken = replacingId ? data.tokens.find((t) => t.id === replacingId) : undefined;
  // The same for a "Replace token" form: it keeps what was typed and offers to save a new token.
  const goneId = editingId && !editingToken ? editingId : replacingId && !replacingToken ? replacingId : null;
  const listed: (TokenSummary | 'removed')[] = goneId ? [...data.tokens, 'removed'] : data.tokens;
  const undecryptableLabels = data.tokens.filter((t) => data.undecryptable?.includes(t.id)).map((t) => t.label);
  const form = data.editing !== null && (
    <TokenForm
      key={data.editing}
      editing={editingToken}
      knownCloudSites={data.knownCloudSites}
      today={today}
      locked={locked}
      validate={(input) => actions.onValidate(input, editingToken)}
      onSubmit={actions.onSave}
      onReload={editingId ? () => actions.onReloadToken(editingId) : undefined}
      onCancel={actions.onCancelEdit}
    />
  );
  const replaceForm = replacingId !== null && actions.replace && (
    <ReplaceTokenForm
      key={`replace-${replacingId}`}
      token={replacingToken}
      today={today}
      locked={locked}
      onSubmit={actions.replace.onSubmit}
      onReload={() => actions.onReloadToken(replacingId)}
      onCancel={actions.replace.onCancel}
    />
  );
  return (
    <>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens</h2>
        {locked && (
          <p class="notice notice-warning" role="status" data-testid="lock-banner">
            Your tokens are locked: no token can be checked or used until you{' '}
            <a href="#unlock-passphrase">unlock them with your passphrase</a>.
          </p>
        )}
        {undecryptableLabels.length > 0 && (
          <p class="notice notice-error" role="alert" data-testid="tokens-undecryptable">
            {undecryptableSentence(undecryptableLabels, data.tokens.length)}
          </p>
        )}
        {(data.damaged ?? 0) > 0 && (
          <p class="notice notice-warning" role="status" data-testid="tokens-damaged">
            {damagedSentence(data.damaged ?? 0)}
          </p>
        )}
        {data.tokens.length === 0 && data.editing === null && (
          <p class="note" data-testid="no-tokens">
            No token yet. Add one to check it and use it on Confluence pages; “Which token to create” below says which kind to choose.
          </p>
        )}
        <ul class="token-list" data-testid="token-list">
          {listed.map((token) =>
            token === 'removed' ? (
              <li key={goneId}>{goneId === editingId ? form : replaceForm}</li>
            ) : data.editing === token.id ? (
              <li key={token.id}>{form}</li>
            ) : replacingId === token.id && replaceForm ? (
              <li key={token.id}>{replaceForm}</li>
            ) : (
              <TokenRow
                key={token.id}
                token={token}
                today={today}
                locked={locked}
                check={data.checks[token.id]}
                onCheck={() => actions.onCheck(token.id)}
                {...(actions.onHealth ? { health: data.health?.[token.id], onHealth: () => actions.onHealth!(token.id) } : {})}
                onEdit={() => actions.onEdit(token.id)}
                {...(actions.replace ? { onReplace: () => actions.replace!.onStart(token.id) } : {})}
                replaced={data.replaced === token.id}
                onRemove={() => actions.onRemove(token.id)}
                onGrantPermission={(origin) => actions.onGrantPermission(token.id, origin)}
              />
            ),
          )}
        </ul>
        {data.editing === 'new' ? (
          form
        ) : (
          <div class="buttons">
            <button type="button" data-testid="add-token-open" onClick={actions.onStartAdd} disabled={locked} aria-describedby={locked ? 'add-unlock-first' : undefined}>
              Add a token
            </button>
            {locked && (
              <span class="note" id="add-unlock-first" data-testid="add-unlock-first">
                Unlock first: a new secret is encrypted with your passphrase.
              </span>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="lock-heading">
        <h2 id="lock-heading">Passphrase lock</h2>
        <PassphrasePanel
          lock={data.lock}
          onSet={actions.onSetPassphrase}
          onChange={actions.onChangePassphrase}
          onRemove={actions.onRemovePassphrase}
          onUnlock={actions.onUnlock}
          onLock={actions.onLock}
        />
      </section>

      <section aria-labelledby="guide-heading">
        <h2 id="guide-heading">Which token to create</h2>
        <ScopeGuide rows={scopeRows} onCopy={actions.onCopyScopes} copied={copied} />
      </section>

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <ActivityLog
          entries={data.activity}
          filter={data.activityFilter}
          onFilter={actions.onActivityFilter}
          onRefresh={actions.onActivityRefresh}
          onExport={actions.onActivityExport}
          onClear={actions.onActivityClear}
        />
      </section>
    </>
  );
}
