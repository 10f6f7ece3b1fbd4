import { useState } from 'preact/hooks';
import { PASSPHRASE_MIN_LENGTH } from '../../lib/features/tokens/passphrase-policy';
import type { LockState, PassphraseResult } from '../../lib/features/tokens/token-vault';
import { PassphraseView, type PassphraseFields } from './PassphraseView';

/*
 * The passphrase lock's state: what is typed, whether a request runs, and its answer. A wrong
 * passphrase gets the background's sentence and changes nothing; what was typed is cleared only
 * after a success. data-testids: see PassphraseView.
 */

export interface PassphrasePanelProps {
  lock: LockState;
  onSet(passphrase: string): Promise<PassphraseResult>;
  onChange(oldPassphrase: string, newPassphrase: string): Promise<PassphraseResult>;
  onRemove(passphrase: string): Promise<PassphraseResult>;
  onUnlock(passphrase: string): Promise<PassphraseResult>;
  onLock(): Promise<PassphraseResult>;
}

const EMPTY: PassphraseFields = { current: '', next: '', confirm: '' };

export function PassphrasePanel({ lock, onSet, onChange, onRemove, onUnlock, onLock }: PassphrasePanelProps) {
  const [fields, setFields] = useState<PassphraseFields>(EMPTY);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<PassphraseResult>, success: string) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await action();
      if (result.ok) {
        setMessage({ ok: true, text: success });
        setFields(EMPTY);
      } else {
        setMessage({ ok: false, text: result.message });
      }
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const { current, next, confirm } = fields;
  const pairOk = next !== '' && next === confirm;
  return (
    <PassphraseView
      lock={lock}
      fields={fields}
      message={message}
      busy={busy}
      minLength={PASSPHRASE_MIN_LENGTH}
      onField={(key, value) => setFields((f) => ({ ...f, [key]: value }))}
      onSet={() => pairOk && void run(() => onSet(next), 'Passphrase set: your secrets are now encrypted.')}
      onChange={() => pairOk && void run(() => onChange(current, next), 'Passphrase changed.')}
      onRemove={() => void run(() => onRemove(current), 'Passphrase removed: secrets stay encrypted with a key only this browser holds.')}
      onUnlock={() => void run(() => onUnlock(current), 'Unlocked.')}
      onLock={() => void run(onLock, 'Locked.')}
    />
  );
}
