import { RELOADED, REMOVED_ELSEWHERE, type EditConflict } from './edit-conflict';

/**
 * In the token form: the token being edited changed or went away in another window.
 * data-testids: form-stale (with reload-token), form-reloaded, form-removed.
 */
export function EditConflictNotice({ conflict, reloading, onReload }: { conflict: EditConflict | null; reloading: boolean; onReload(): void }) {
  if (conflict?.kind === 'stale') {
    return (
      <p class="notice notice-error" role="alert" data-testid="form-stale">
        {conflict.message}{' '}
        <button type="button" class="secondary" data-testid="reload-token" disabled={reloading} onClick={onReload}>
          {reloading ? 'Reloading…' : 'Reload'}
        </button>
      </p>
    );
  }
  if (conflict?.kind === 'removed') {
    return (
      <p class="notice notice-warning" role="alert" data-testid="form-removed">
        {REMOVED_ELSEWHERE}
      </p>
    );
  }
  if (conflict?.kind === 'reloaded') {
    return (
      <p class="notice" role="status" data-testid="form-reloaded">
        {RELOADED}
      </p>
    );
  }
  return null;
}
