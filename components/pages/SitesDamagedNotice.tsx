/**
 * Shown in the options page when the stored list of known sites cannot be read: says so and
 * offers to reset just that part. Tokens, their settings and the activity log are not touched.
 * data-testids: sites-damaged, sites-reset.
 */
export function SitesDamagedNotice({ sentence, resetting, onReset }: { sentence: string; resetting: boolean; onReset(): void }) {
  return (
    <p class="notice notice-error" role="alert" data-testid="sites-damaged">
      {sentence}{' '}
      <button type="button" class="secondary" data-testid="sites-reset" disabled={resetting} onClick={onReset}>
        {resetting ? 'Resetting…' : 'Reset the list of known sites'}
      </button>
    </p>
  );
}
