import type { StorageAreaLike } from '../../core/storage/storage-area';

/**
 * The unlocked vault key lives in `storage.session` (memory only, cleared when the browser
 * closes), so the user unlocks once per browser session even though the service worker restarts.
 * The background must keep session storage away from content scripts: in Chrome,
 * `storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })`, which is also the default;
 * never widen it to untrusted contexts.
 */
export const SESSION_KEY_STORAGE_KEY = 'tokens.sessionKey';

/** The raw key (base64) and the salt of the vault it opens, so a key from an older passphrase is ignored. */
export interface SessionKey {
  salt: string;
  key: string;
}

export async function readSessionKey(session: StorageAreaLike): Promise<SessionKey | undefined> {
  const value = (await session.get(SESSION_KEY_STORAGE_KEY))[SESSION_KEY_STORAGE_KEY] as Partial<SessionKey> | undefined;
  if (value && typeof value.salt === 'string' && typeof value.key === 'string') return { salt: value.salt, key: value.key };
  return undefined;
}

export function writeSessionKey(session: StorageAreaLike, value: SessionKey): Promise<void> {
  return session.set({ [SESSION_KEY_STORAGE_KEY]: value });
}

export function forgetSessionKey(session: StorageAreaLike): Promise<void> {
  return session.remove(SESSION_KEY_STORAGE_KEY);
}
