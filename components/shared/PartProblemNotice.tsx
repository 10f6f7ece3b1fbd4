/**
 * One part of a page whose stored data cannot be read: what is wrong, in a sentence, and the
 * reset for just that part. The rest of the page goes on working.
 * data-testids: `<testId>` (the notice), `<testId>-reset` (its button).
 */
export function PartProblemNotice(props: { testId: string; sentence: string; resetLabel: string; resetting: boolean; onReset(): void }) {
  const { testId, sentence, resetLabel, resetting, onReset } = props;
  return (
    <p class="notice notice-error" role="alert" data-testid={testId}>
      {sentence}{' '}
      <button type="button" class="secondary" data-testid={`${testId}-reset`} disabled={resetting} onClick={onReset}>
        {resetting ? 'Resetting…' : resetLabel}
      </button>
    </p>
  );
}
