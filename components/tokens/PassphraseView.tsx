import type { LockState } from '../../lib/features/tokens/token-vault';

/*
 * The optional passphrase lock as a pure view (PassphrasePanel holds the typing and the answers):
 * set it (typed twice), change or remove it, lock now; unlock when locked.
 * data-testids: lock-state (data-lock), passphrase-new, passphrase-confirm, passphrase-mismatch,
 * passphrase-set, passphrase-old, passphrase-change, passphrase-remove, passphrase-lock,
 * unlock-passphrase, unlock-submit, passphrase-message (data-ok).
 */

export interface PassphraseFields {
  /** The current passphrase (unlock, change, remove). */
  current: string;
  next: string;
  confirm: string;
}

export interface PassphraseViewProps {
  lock: LockState;
  fields: PassphraseFields;
  /** The answer to the last action: a success sentence or the reason nothing changed. */
  message: { ok: boolean; text: string } | null;
  busy: boolean;
  minLength: number;
  onField(key: keyof PassphraseFields, value: string): void;
  onSet(): void;
  onChange(): void;
  onRemove(): void;
  onUnlock(): void;
  onLock(): void;
}

const LOCK_SENTENCES: Record<LockState, string> = {
  none: 'No passphrase: secrets are encrypted with a key only this browser holds; a passphrase adds a second lock.',
  locked: 'Locked: secrets are encrypted, and no token can be used until you unlock.',
  unlocked: 'Unlocked for this browser session: secrets are encrypted at rest.',
};

export function PassphraseView({ lock, fields, message, busy, minLength, onField, onSet, onChange, onRemove, onUnlock, onLock }: PassphraseViewProps) {
  const mismatch = fields.next !== '' && fields.confirm !== '' && fields.next !== fields.confirm;
  const submit = (action: () => void) => (e: Event) => {
    e.preventDefault();
    action();
  };
  const password = (id: string, key: keyof PassphraseFields, autocomplete: string, extra: Record<string, unknown> = {}) => (
    <input
      id={id}
      data-testid={id}
      type="password"
      autocomplete={autocomplete}
      value={fields[key]}
      onInput={(e) => onField(key, e.currentTarget.value)}
      {...extra}
    />
  );
  const newPair = (
    <>
      <label for="passphrase-new">{lock === 'none' ? 'Passphrase' : 'New passphrase'}</label>
      {password('passphrase-new', 'next', 'new-password', { 'aria-describedby': 'passphrase-help' })}
      <p class="help" id="passphrase-help">
        At least {minLength} characters; a few words in a row make a good passphrase. It cannot be recovered: forget it and you enter your tokens
        again.
      </p>
      <label for="passphrase-confirm">Repeat it</label>
      {password('passphrase-confirm', 'confirm', 'new-password', {
        'aria-invalid': mismatch ? 'true' : undefined,
        'aria-describedby': mismatch ? 'passphrase-mismatch' : undefined,
      })}
      {mismatch && (
        <p class="field-error" id="passphrase-mismatch" data-testid="passphrase-mismatch" role="alert">
          The two passphrases differ.
        </p>
      )}
    </>
  );

  return (
    <div class="passphrase">
      <p data-testid="lock-state" data-lock={lock} class={lock === 'locked' ? 'notice notice-warning' : 'note'}>
        {LOCK_SENTENCES[lock]}
      </p>
      {lock === 'none' && (
        <form onSubmit={submit(onSet)} aria-label="Set a passphrase">
          {newPair}
          <div class="buttons">
            <button type="submit" data-testid="passphrase-set" disabled={busy || mismatch || fields.next === '' || fields.confirm === ''}>
              Set passphrase
            </button>
          </div>
        </form>
      )}
      {lock === 'locked' && (
        <form onSubmit={submit(onUnlock)} aria-label="Unlock">
          <label for="unlock-passphrase">Passphrase</label>
          {password('unlock-passphrase', 'current', 'current-password', {
            'aria-invalid': message && !message.ok ? 'true' : undefined,
            'aria-describedby': message && !message.ok ? 'passphrase-message' : undefined,
          })}
          <div class="buttons">
            <button type="submit" data-testid="unlock-submit" disabled={busy || fields.current === ''}>
              Unlock
            </button>
          </div>
        </form>
      )}
      {lock === 'unlocked' && (
        <>
          <div class="buttons">
            <button type="button" data-testid="passphrase-lock" disabled={busy} onClick={onLock}>
              Lock now
            </button>
          </div>
          <form onSubmit={submit(onChange)} aria-labelledby="passphrase-change-heading">
            <h3 id="passphrase-change-heading">Change or remove the passphrase</h3>
            <label for="passphrase-old">Current passphrase</label>
            {password('passphrase-old', 'current', 'current-password')}
            {newPair}
            <div class="buttons">
              <button type="submit" data-testid="passphrase-change" disabled={busy || mismatch || fields.current === '' || fields.next === ''}>
                Change passphrase
              </button>
              <button type="button" class="secondary danger" data-testid="passphrase-remove" disabled={busy || fields.current === ''} onClick={onRemove}>
                Remove passphrase
              </button>
            </div>
          </form>
        </>
      )}
      <div aria-live="polite">
        {message && (
          <p
            id="passphrase-message"
            class={message.ok ? 'notice' : 'notice notice-error'}
            role={message.ok ? 'status' : 'alert'}
            data-testid="passphrase-message"
            data-ok={String(message.ok)}
          >
            {message.text}
          </p>
        )}
      </div>
    </div>
  );
}
