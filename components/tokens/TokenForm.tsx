import { useEffect, useState } from 'preact/hooks';
import type { TokenField, TokenFieldErrors, TokenFormInput } from '../../lib/features/tokens/token-form-input';
import type { IsoDate } from '../../lib/features/tokens/iso-date';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import type { TokenWriteResult } from '../../lib/features/tokens/token-vault';
import { DRAFT_FIELD, FIELD_CONTROL_IDS, draftToInput, initialDraft, visibleErrors, type TokenDraft } from './token-draft';
import { TokenFormView } from './TokenFormView';

/*
 * Adding or editing one token: holds what the person typed and which messages to show.
 * A field's message shows once the person has left it (checked here with the background's own
 * rules, passed in as `validate`), and every message after Save. The background validates
 * again; its answer shows the same way. Whatever the answer, what was typed stays in the form.
 * data-testids: see TokenFormView.
 */

export interface TokenFormProps {
  editing?: TokenSummary;
  knownCloudSites: string[];
  today: IsoDate;
  locked: boolean;
  /** The background's checks, run here for messages while typing; absent: only the background's answer. */
  validate?(input: TokenFormInput): TokenFieldErrors;
  onSubmit(input: TokenFormInput): Promise<TokenWriteResult>;
  onCancel(): void;
}

/** Fields in the order they appear, so the first one with a message gets the focus. */
const VISUAL_ORDER: TokenField[] = ['label', 'kind', 'email', 'dcBaseUrl', 'secret', 'expiresOn', 'sites'];

export function TokenForm({ editing, knownCloudSites, today, locked, validate, onSubmit, onCancel }: TokenFormProps) {
  const [draft, setDraft] = useState<TokenDraft>(() => initialDraft(editing, knownCloudSites));
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
      const result = await onSubmit(input);
      if (result.ok) return; // the parent closes the form
      if (result.reason === 'invalid') {
        setAnswered(result.errors);
        setFocusRequest((n) => n + 1);
      } else {
        setFormError(result.message);
      }
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <TokenFormView
      editing={editing}
      knownCloudSites={knownCloudSites}
      today={today}
      locked={locked}
      draft={draft}
      errors={errors}
      formError={formError}
      saving={saving}
      onField={onField}
      onLeave={onLeave}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    />
  );
}
