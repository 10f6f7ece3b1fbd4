import { useState } from 'preact/hooks';
import type { DcSiteView } from '../../lib/features/dc-sites/messages';
import { DateTime } from '../shared/DateTime';
import { PolicyMark, shownPolicy } from '../policy/OrganisationPolicy';

/*
 * The options page's "Data Center sites": the sites the person added, and the form that adds
 * one (its base URL, and optionally a personal access token for it). A view: the page's
 * controller (entrypoints/options/dc-sites-controller.ts) asks the browser and the background.
 * data-testids: dc-sites-section, dc-policy-sites, dc-site-row (data-base-url), dc-site-access, dc-site-script,
 * dc-site-tokens, dc-site-grant, dc-site-remove, dc-site-removed, dc-site-add-open, dc-site-form,
 * dc-field-base-url, dc-field-pat-label, dc-field-pat-secret, dc-field-pat-expiry,
 * dc-field-pat-read-only, dc-site-uses-token, dc-site-add, dc-site-cancel, dc-site-error
 * (data-problem), dc-site-added.
 */

/** What the person typed in the form: kept whatever happens to the add. */
export interface DcSiteDraft {
  baseUrl: string;
  patLabel: string;
  patSecret: string;
  patExpiry: string;
  patReadOnly: boolean;
}

export const EMPTY_DC_DRAFT: DcSiteDraft = { baseUrl: '', patLabel: '', patSecret: '', patExpiry: '', patReadOnly: false };

export interface DcSitesView {
  sites: DcSiteView[] | null;
  /** Labels of the saved Data Center tokens per base URL (normalised). */
  tokensBySite: Record<string, string[]>;
  /** Where the list could not be read. */
  listError: string | null;
  formOpen: boolean;
  adding: boolean;
  error: { problem: string; sentence: string } | null;
  /** After an add or a remove: what happened. */
  status: string | null;
}

export interface DcSitesActions {
  onOpenForm(): void;
  onCancel(): void;
  /** Runs inside the click: the controller asks the browser for the origin before anything else. */
  onAdd(draft: DcSiteDraft): void;
  onRemove(site: DcSiteView): void;
  onGrant(site: DcSiteView): void;
  /** The saved Data Center token for a base URL as typed, if there is one ("Uses …"). */
  tokenFor(baseUrl: string): string | undefined;
}

/** The sites the organisation allows (policy “allowedSites”): any other address is refused before the browser is asked. */
function AllowedSites() {
  const allowed = shownPolicy().allowedSites;
  if (!allowed) return null;
  return (
    <p class="help" data-testid="dc-policy-sites">
      Your organisation allows only: {allowed.length > 0 ? allowed.join(', ') : 'no site'}. <PolicyMark policyKey="allowedSites" />
    </p>
  );
}

export function DcSitesSection({ view, actions }: { view: DcSitesView; actions: DcSitesActions }) {
  return (
    <section aria-labelledby="dc-sites-heading" data-testid="dc-sites-section">
      <h2 id="dc-sites-heading">Data Center sites</h2>
      <p class="help">
        Confluence Data Center or Server on your own domain. Add its address (with its context path, such as /confluence); the browser then asks you
        to let the extension reach that one server. Cloud sites (*.atlassian.net) need no adding.
      </p>
      <AllowedSites />
      {view.listError && (
        <p class="notice notice-error" role="alert">
          {view.listError}
        </p>
      )}
      {view.sites && view.sites.length === 0 && <p class="note">No Data Center site yet.</p>}
      {view.sites && view.sites.length > 0 && (
        <ul class="token-list">
          {view.sites.map((site) => (
            <SiteRow key={site.baseUrl} site={site} tokens={view.tokensBySite[site.baseUrl] ?? []} actions={actions} />
          ))}
        </ul>
      )}
      {view.status && (
        <p class="notice" role="status" data-testid={view.status.startsWith('Removed') ? 'dc-site-removed' : 'dc-site-added'}>
          {view.status}
        </p>
      )}
      {view.formOpen ? (
        <DcSiteForm view={view} actions={actions} />
      ) : (
        <div class="buttons">
          <button type="button" data-testid="dc-site-add-open" onClick={actions.onOpenForm}>
            Add a Data Center site
          </button>
        </div>
      )}
    </section>
  );
}

function SiteRow({ site, tokens, actions }: { site: DcSiteView; tokens: string[]; actions: DcSitesActions }) {
  return (
    <li class="token-row" data-testid="dc-site-row" data-base-url={site.baseUrl}>
      <h3>{site.host}</h3>
      <dl class="fields">
        <dt>Address</dt>
        <dd>{site.baseUrl}</dd>
        <dt>Confluence</dt>
        <dd>{site.version ? `version ${site.version}` : 'version not known'}</dd>
        <dt>Added</dt>
        <dd>
          <DateTime ms={site.addedAt} />
        </dd>
        <dt>Last page seen</dt>
        <dd>{site.lastSeenAt === null ? 'none yet' : <DateTime ms={site.lastSeenAt} />}</dd>
        <dt>Access</dt>
        <dd data-testid="dc-site-access" data-granted={String(site.accessGranted)}>
          {site.accessGranted ? 'allowed' : 'not allowed: the browser no longer lets the extension reach this server'}
        </dd>
        <dt>On its pages</dt>
        <dd data-testid="dc-site-script" data-registered={String(site.scriptRegistered)}>
          {site.scriptRegistered ? 'the extension recognises them' : 'not active'}
        </dd>
        <dt>Tokens</dt>
        <dd data-testid="dc-site-tokens">{tokens.length > 0 ? tokens.map((t) => `“${t}”`).join(', ') : 'none: add a personal access token for it'}</dd>
      </dl>
      <div class="buttons">
        {!site.accessGranted && (
          <button type="button" data-testid="dc-site-grant" onClick={() => actions.onGrant(site)}>
            Allow access again
          </button>
        )}
        <button type="button" class="secondary" data-testid="dc-site-remove" onClick={() => actions.onRemove(site)}>
          Remove
        </button>
      </div>
    </li>
  );
}

/** Holds what was typed, so that a refused add keeps all of it. */
export function DcSiteForm({ view, actions }: { view: DcSitesView; actions: DcSitesActions }) {
  const [draft, setDraft] = useState<DcSiteDraft>(EMPTY_DC_DRAFT);
  return <DcSiteFormView draft={draft} onField={(key, value) => setDraft((d) => ({ ...d, [key]: value }))} view={view} actions={actions} />;
}

// Refusals about the address (or reaching it) belong to the base URL field; the others to the token.
const ADDRESS_PROBLEMS = ['address', 'not-allowed', 'permission', 'unreachable', 'not-confluence'];
const TOKEN_PROBLEMS = ['token', 'locked'];

export interface DcSiteFormViewProps {
  draft: DcSiteDraft;
  onField<K extends keyof DcSiteDraft>(key: K, value: DcSiteDraft[K]): void;
  view: Pick<DcSitesView, 'adding' | 'error'>;
  actions: Pick<DcSitesActions, 'onAdd' | 'onCancel' | 'tokenFor'>;
}

/** The form as a pure view of the draft (DcSiteForm holds it). */
export function DcSiteFormView({ draft, onField, view, actions }: DcSiteFormViewProps) {
  const existing = draft.patSecret === '' ? actions.tokenFor(draft.baseUrl) : undefined;
  const problem = view.error?.problem;
  const errorId = view.error ? 'dc-site-error' : undefined;
  const addressWrong = problem !== undefined && ADDRESS_PROBLEMS.includes(problem);
  const tokenWrong = problem !== undefined && TOKEN_PROBLEMS.includes(problem);
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  return (
    <form
      class="token-form"
      data-testid="dc-site-form"
      noValidate
      aria-labelledby="dc-form-heading"
      aria-busy={view.adding}
      onSubmit={(e) => {
        e.preventDefault();
        // Straight from the submit, nothing awaited: the controller asks the browser for the origin first.
        if (!view.adding) actions.onAdd(draft);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.onCancel();
      }}
    >
      <h4 id="dc-form-heading">Add a Data Center site</h4>
      <label for="dc-base-url">Address of Confluence</label>
      <input
        id="dc-base-url"
        data-testid="dc-field-base-url"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellcheck={false}
        placeholder="https://confluence.example.com/confluence"
        maxLength={2048}
        value={draft.baseUrl}
        onInput={(e) => onField('baseUrl', e.currentTarget.value)}
        aria-invalid={addressWrong ? 'true' : undefined}
        aria-describedby={describedBy('dc-base-url-help', addressWrong && errorId, existing && 'dc-site-uses-token')}
      />
      <p class="help" id="dc-base-url-help">
        https only, with the context path if your Confluence has one. Nothing is sent with it but a check, without any credential, that it is Confluence.
      </p>
      <fieldset>
        <legend>Personal access token (optional)</legend>
        {existing && (
          <p class="help" id="dc-site-uses-token" data-testid="dc-site-uses-token">
            Uses “{existing}”, already saved for this address.
          </p>
        )}
        <label for="dc-pat-label">Name</label>
        <input id="dc-pat-label" data-testid="dc-field-pat-label" type="text" maxLength={200} value={draft.patLabel} onInput={(e) => onField('patLabel', e.currentTarget.value)} />
        <label for="dc-pat-secret">Token</label>
        <input
          id="dc-pat-secret"
          data-testid="dc-field-pat-secret"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={draft.patSecret}
          onInput={(e) => onField('patSecret', e.currentTarget.value)}
          aria-invalid={tokenWrong ? 'true' : undefined}
          aria-describedby={describedBy(tokenWrong && errorId)}
        />
        <label for="dc-pat-expiry">Expiry date (optional)</label>
        <input
          id="dc-pat-expiry"
          data-testid="dc-field-pat-expiry"
          type="date"
          value={draft.patExpiry}
          onInput={(e) => onField('patExpiry', e.currentTarget.value)}
          aria-describedby="dc-pat-expiry-help"
        />
        <p class="help" id="dc-pat-expiry-help">
          Data Center allows tokens without one. With a date, you are reminded before it.
        </p>
        <label class="inline">
          <input type="checkbox" data-testid="dc-field-pat-read-only" checked={draft.patReadOnly} onChange={(e) => onField('patReadOnly', e.currentTarget.checked)} /> Read-only:
          never send a write with it
        </label>
      </fieldset>
      {view.error && (
        <p class="notice notice-error" role="alert" id="dc-site-error" data-testid="dc-site-error" data-problem={view.error.problem}>
          {view.error.sentence}
        </p>
      )}
      <div class="buttons">
        <button type="submit" data-testid="dc-site-add" disabled={view.adding}>
          {view.adding ? 'Checking the address…' : 'Add site'}
        </button>
        <button type="button" class="secondary" data-testid="dc-site-cancel" onClick={actions.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
