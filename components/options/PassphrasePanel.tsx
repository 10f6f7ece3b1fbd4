import { useState } from 'preact/hooks';
import type { LockState, PassphraseResult } from '../../lib/tokens/token-vault';

/*
 * The optional passphrase lock: set, change, remove, lock now, unlock. A wrong passphrase gets
 * a sentence and changes nothing.
 * data-testids: lock-state, passphrase-new, passphrase-confirm, passphrase-set, passphrase-old,
 * passphrase-change, passphrase-remove, passphrase-lock, unlock-passphrase, unlock-submit,
 * passphrase-message.
 */

export interface PassphrasePanelProps {
  lock: LockState;
  onSet(passphrase: string): Promise<PassphraseResult>;
  onChange(oldPassphrase: string, newPassphrase: string): Promise<PassphraseResult>;
  onRemove(passphrase: string): Promise<PassphraseResult>;
  onUnlock(passphrase: string): Promise<PassphraseResult>;
  onLock(): Promise<PassphraseResult>;
}

const LOCK_SENTENCES: Record<LockState, string> = {
  none: 'No passphrase: secrets are stored unencrypted in this browser profile.',
  locked: 'Locked: secrets are encrypted, and no token can be used until you unlock.',
  unlocked: 'Unlocked for this browser session: secrets are encrypted at rest.',
};

export function PassphrasePanel({ lock, onSet, onChange, onRemove, onUnlock, onLock }: PassphrasePanelProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<PassphraseResult>, success: string) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await action();
      if (result.ok) {
        setMessage({ ok: true, text: success });
        setCurrent('');
        setNext('');
        setConfirm('');
      } else {
        setMessage({ ok: false, text: result.message });
      }
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const mismatch = next !== '' && confirm !== '' && next !== confirm;
  const newPair = (
    <>
      <label for="passphrase-new">{lock === 'none' ? 'Passphrase' : 'New passphrase'}</label>
      <input id="passphrase-new" data-testid="passphrase-new" type="password" autocomplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
      <label for="passphrase-confirm">Repeat it</label>
      <input
        id="passphrase-confirm"
        data-testid="passphrase-confirm"
        type="password"
        autocomplete="new-password"
        value={confirm}
        aria-invalid={mismatch || undefined}
        aria-describedby={mismatch ? 'passphrase-mismatch' : undefined}
        onInput={(e) => setConfirm(e.currentTarget.value)}
      />
      {mismatch && (
        <p class="field-error" id="passphrase-mismatch" role="alert">
          The two passphrases differ.
        </p>
      )}
    </>
  );
  const currentField = (id: string) => (
    <>
      <label for={id}>{lock === 'locked' ? 'Passphrase' : 'Current passphrase'}</label>
      <input id={id} data-testid={id} type="password" autocomplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
    </>
  );

  return (
    <div class="passphrase">
      <p data-testid="lock-state" data-lock={lock} class={lock === 'locked' ? 'notice notice-warning' : 'note'}>
        {LOCK_SENTENCES[lock]}
      </p>
      {lock === 'none' && (
        <form onSubmit={(e) => (e.preventDefault(), !mismatch && void run(() => onSet(next), 'Passphrase set: your secrets are now encrypted.'))}>
          {newPair}
          <div class="buttons">
            <button type="submit" data-testid="passphrase-set" disabled={busy || mismatch || next === ''}>
              Set passphrase
            </button>
          </div>
        </form>
      )}
      {lock === 'locked' && (
        <form onSubmit={(e) => (e.preventDefault(), void run(() => onUnlock(current), 'Unlocked.'))}>
          <label for="unlock-passphrase">Passphrase</label>
          <input
            id="unlock-passphrase"
            data-testid="unlock-passphrase"
            type="password"
            autocomplete="current-password"
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
          <div class="buttons">
            <button type="submit" data-testid="unlock-submit" disabled={busy || current === ''}>
              Unlock
            </button>
          </div>
        </form>
      )}
      {lock === 'unlocked' && (
        <>
          <div class="buttons">
            <button type="button" data-testid="passphrase-lock" disabled={busy} onClick={() => void run(onLock, 'Locked.')}>
              Lock now
            </button>
          </div>
          <form onSubmit={(e) => (e.preventDefault(), !mismatch && void run(() => onChange(current, next), 'Passphrase changed.'))}>
            <h3>Change or remove the passphrase</h3>
            {currentField('passphrase-old')}
            {newPair}
            <div class="buttons">
              <button type="submit" data-testid="passphrase-change" disabled={busy || mismatch || current === '' || next === ''}>
                Change passphrase
              </button>
              <button
                type="button"
                class="secondary danger"
                data-testid="passphrase-remove"
                disabled={busy || current === ''}
                onClick={() => void run(() => onRemove(current), 'Passphrase removed: secrets are stored unencrypted again.')}
              >
                Remove passphrase
              </button>
            </div>
          </form>
        </>
      )}
      <div aria-live="polite">
        {message && (
          <p class={message.ok ? 'notice' : 'notice notice-error'} role={message.ok ? 'status' : 'alert'} data-testid="passphrase-message">
            {message.text}
          </p>
        )}
      </div>
    </div>
  );
}
