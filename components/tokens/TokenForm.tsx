import { useEffect, useState } from 'preact/hooks';
import type { TokenField, TokenFieldErrors, TokenFormInput } from '../../lib/features/tokens/token-form-input';
import type { IsoDate } from '../../lib/features/tokens/iso-date';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import type { TokenWriteResult } from '../../lib/features/tokens/token-vault';
import { mergeReloaded, tokenWrite, type EditConflict, type TokenWrite } from './edit-conflict';
import { DRAFT_FIELD, FIELD_CONTROL_IDS, draftToInput, initialDraft, visibleErrors, type TokenDraft } from './token-draft';
import { TokenFormView } from './TokenFormView';

/*
 * Adding or editing one token: holds what the person typed and which messages to show.
 * A field's message shows once the person has left it (checked here with the background's own
 * rules, passed in as `validate`), and every message after Save. The background validates
 * again; its answer shows the same way. Whatever the answer, what was typed stays in the form.
 * When editing, the form keeps the token as it was filled from it: its save is based on that
 * revision, so a change saved meanwhile in another window is refused as stale, not undone
 * (edit-conflict.ts). data-testids: see TokenFormView.
 */

export interface TokenFormProps {
  /**
   * The token being edited as the list shows it now; absent when adding. When a form opened on a
   * token gets none any more, the token was removed elsewhere.
   */
  editing?: TokenSummary;
  knownCloudSites: string[];
  today: IsoDate;
  locked: boolean;
  /** The background's checks, run here for messages while typing; absent: only the background's answer. */
  validate?(input: TokenFormInput): TokenFieldErrors;
  onSubmit(write: TokenWrite): Promise<TokenWriteResult>;
  /** Reloads the token list; the edited token as it is now, undefined when it is gone. */
  onReload?(): Promise<TokenSummary | undefined>;
  onCancel(): void;
}

/** Fields in the order they appear, so the first one with a message gets the focus. */
const VISUAL_ORDER: TokenField[] = ['label', 'kind', 'email', 'dcBaseUrl', 'secret', 'expiresOn', 'sites'];

export function TokenForm({ editing, knownCloudSites, today, locked, validate, onSubmit, onReload, onCancel }: TokenFormProps) {
  const [draft, setDraft] = useState<TokenDraft>(() => initialDraft(editing, knownCloudSites));
  /** The token as the draft was filled from it (updated by Reload): its revision goes with the save. */
  const [basedOn, setBasedOn] = useState<TokenSummary | undefined>(editing);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [reloading, setReloading] = useState(false);
  const removed = basedOn !== undefined && (editing === undefined || conflict?.kind === 'removed');
  const shownConflict: EditConflict | null = removed ? { kind: 'removed' } : conflict;
  const [shown, setShown] = useState<Set<TokenField> | 'all'>(() => new Set());
  const [answered, setAnswered] = useState<TokenFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** Bumped when a Save finds mistakes: the first field with a message takes the focus. */
  const [focusRequest, setFocusRequest] = useState(0);

  const local = validate ? validate(draftToInput(draft)) : {};
  const errors: TokenFieldErrors = { ...visibleErrors(local, shown), ...answered };

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = VISUAL_ORDER.find((f) => errors[f]);
    if (!first) return;
    const id = first === 'kind' ? `field-kind-${draft.kind}` : FIELD_CONTROL_IDS[first];
    document.getElementById(id)?.focus();
    // Only a new Save moves the focus, not typing afterwards: hence the one dependency.
  }, [focusRequest]);

  function onField<K extends keyof TokenDraft>(key: K, value: TokenDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    // The background's message about a field goes once the person changes that field.
    const field = DRAFT_FIELD[key];
    if (field && answered[field]) setAnswered(({ [field]: _gone, ...rest }) => rest);
  }

  function onLeave(field: TokenField) {
    setShown((s) => (s === 'all' || s.has(field) ? s : new Set([...s, field])));
  }

  async function submit() {
    setFormError(null);
    setShown('all');
    const input = draftToInput(draft);
    if (validate && Object.keys(validate(input)).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      const result = await onSubmit(tokenWrite(basedOn, removed, input));
      if (result.ok) return; // the parent closes the form
      if (result.reason === 'invalid') {
        setAnswered(result.errors);
        setFocusRequest((n) => n + 1);
      } else if (result.reason === 'stale') {
        setConflict({ kind: 'stale', message: result.message });
      } else if (result.reason === 'not-found' && basedOn) {
        setConflict({ kind: 'removed' }); // removed before this page heard of it
      } else {
        setFormError(result.message);
      }
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    if (!onReload || !basedOn) return;
    setFormError(null);
    setReloading(true);
    try {
      const now = await onReload();
      if (!now) {
        setConflict({ kind: 'removed' });
        return;
      }
      setDraft((typed) => mergeReloaded(basedOn, typed, now));
      setBasedOn(now);
      setAnswered({}); // they were about the values before the merge
      setConflict({ kind: 'reloaded' });
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    } finally {
      setReloading(false);
    }
  }

  return (
    <TokenFormView
      editing={basedOn}
      knownCloudSites={knownCloudSites}
      today={today}
      locked={locked}
      draft={draft}
      errors={errors}
      formError={formError}
      saving={saving}
      conflict={shownConflict}
      reloading={reloading}
      onReload={() => void reload()}
      onField={onField}
      onLeave={onLeave}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    />
  );
}
