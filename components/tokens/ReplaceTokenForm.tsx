import { useEffect, useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/features/tokens/iso-date';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import type { TokenWriteResult } from '../../lib/features/tokens/token-vault';
import { validateReplacement } from '../../lib/features/tokens/validate-replacement';
import { EMPTY_REPLACE_DRAFT, replaceWrite, visibleReplaceErrors, type ReplaceDraft, type ReplaceErrors, type ReplaceField, type ReplaceWrite } from './replace-draft';
import { ReplaceTokenView, replaceControlId, type ReplaceNotice } from './ReplaceTokenView';

/*
 * "Replace token" (the renew flow): holds what the person typed and which messages to show, as
 * TokenForm does: a field's message once the person has left it, every message after a click on
 * Replace, the background's answer the same way. Whatever the answer but success, what was typed
 * stays. data-testids: see ReplaceTokenView.
 */

export interface ReplaceTokenFormProps {
  /** The token as the list shows it now; undefined once it was removed in another window. */
  token: TokenSummary | undefined;
  today: IsoDate;
  locked: boolean;
  onSubmit(write: ReplaceWrite): Promise<TokenWriteResult>;
  /** Reloads the token list; the token as it is now, undefined when it is gone. */
  onReload(): Promise<TokenSummary | undefined>;
  onCancel(): void;
}

const ORDER: ReplaceField[] = ['secret', 'expiresOn'];
const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function ReplaceTokenForm({ token, today, locked, onSubmit, onReload, onCancel }: ReplaceTokenFormProps) {
  /** What the form was opened on (or reloaded to): its revision goes with the replacement. */
  const [basedOn, setBasedOn] = useState<TokenSummary | undefined>(token);
  const [draft, setDraft] = useState<ReplaceDraft>(EMPTY_REPLACE_DRAFT);
  const [shown, setShown] = useState<Set<ReplaceField> | 'all'>(() => new Set());
  const [answered, setAnswered] = useState<ReplaceErrors>({});
  const [notice, setNotice] = useState<ReplaceNotice | null>(null);
  /** A replacement answered `not-found` before the list heard of the removal. */
  const [foundGone, setFoundGone] = useState(false);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const removed = token === undefined || foundGone;

  const checked = basedOn ? validateReplacement(draft, { today, kind: basedOn.kind }) : undefined;
  const local: ReplaceErrors = checked && !checked.ok ? checked.errors : {};
  const errors: ReplaceErrors = { ...visibleReplaceErrors(local, shown), ...answered };

  // Opened from a reminder's "Renew" too: the new secret is what the person came to paste.
  useEffect(() => {
    document.getElementById(replaceControlId('secret'))?.focus();
  }, []);

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = ORDER.find((f) => errors[f]);
    if (first) document.getElementById(replaceControlId(first))?.focus();
    // Only a new click on Replace moves the focus, not typing afterwards.
  }, [focusRequest]);

  if (!basedOn) return null;

  function onField(field: ReplaceField, value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    if (answered[field]) setAnswered(({ [field]: _gone, ...rest }) => rest);
  }

  function onLeave(field: ReplaceField) {
    // An empty field is told after a click on Replace: the secret field has the focus on opening,
    // and a message appearing as it loses it would be premature.
    if (draft[field] === '') return;
    setShown((s) => (s === 'all' || s.has(field) ? s : new Set([...s, field])));
  }

  async function submit() {
    if (!basedOn) return;
    setNotice(null);
    setShown('all');
    if (Object.keys(local).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      const result = await onSubmit(replaceWrite(basedOn, removed, draft));
      if (result.ok) return; // the parent closes the form
      if (result.reason === 'invalid') {
        const { secret, expiresOn, ...others } = result.errors;
        setAnswered({ ...(secret ? { secret } : {}), ...(expiresOn ? { expiresOn } : {}) });
        // Saving as a new token judges the kept fields too (another token took the label meanwhile).
        const rest = Object.values(others).filter(Boolean);
        if (rest.length > 0) setNotice({ kind: 'error', message: rest.join(' ') });
        setFocusRequest((n) => n + 1);
      } else if (result.reason === 'stale') {
        setNotice({ kind: 'stale', message: result.message });
      } else if (result.reason === 'not-found') {
        setFoundGone(true);
      } else {
        setNotice({ kind: 'error', message: result.message });
      }
    } catch (error) {
      setNotice({ kind: 'error', message: text(error) });
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    setNotice(null);
    setReloading(true);
    try {
      const now = await onReload();
      if (!now) {
        setFoundGone(true);
        return;
      }
      setBasedOn(now);
      setNotice({ kind: 'reloaded' });
    } catch (error) {
      setNotice({ kind: 'error', message: text(error) });
    } finally {
      setReloading(false);
    }
  }

  return (
    <ReplaceTokenView
      token={basedOn}
      removed={removed}
      today={today}
      locked={locked}
      draft={draft}
      errors={errors}
      notice={notice}
      saving={saving}
      reloading={reloading}
      onField={onField}
      onLeave={onLeave}
      onSubmit={() => void submit()}
      onReload={() => void reload()}
      onCancel={onCancel}
    />
  );
}
