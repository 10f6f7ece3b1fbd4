/** Where token health and actions go (a later issue); for now it says they are not there yet. */
export function TokensSection() {
  return (
    <section aria-labelledby="tokens-heading" data-testid="tokens-section">
      <h2 id="tokens-heading">Tokens</h2>
      <p class="note">Token checks are not available in this version yet.</p>
    </section>
  );
}
