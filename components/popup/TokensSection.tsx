import type { ComponentChildren } from 'preact';
import type { HealthReport } from '../../lib/features/token-checks/health/health-report';
import { TOKEN_KIND_NAMES } from '../../lib/features/tokens/token-kind';
import { tokensToOfferFor } from '../../lib/features/tokens/token-site-match';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import type { LockState } from '../../lib/features/tokens/token-vault';
import { HealthReportView } from '../token-checks/HealthReportView';
import { PolicyMark } from '../policy/OrganisationPolicy';

/*
 * The popup's token part: guidance when there is no token, the token for this site (and, when
 * several are meant for it, which one is used) with a health check. The page's actions are in
 * PageActions.
 * data-testids: tokens-section, add-token, token-guidance, popup-locked, open-options,
 * popup-token, token-choice, token-choice-error, popup-check-token, popup-check-result (the
 * health report, via HealthReportView), popup-not-checked,
 * no-token-for-site, allow-token-site (data-label), allow-site-error, tokens-elsewhere.
 */

/** The saved tokens meant for the tab's site (`action-tokens`) and the one actions use there. */
export interface TokenChoiceView {
  tokens: { id: string; label: string }[];
  chosen: string | null;
  running?: boolean;
  error?: string;
}

export interface TokensView {
  tokens: TokenSummary[];
  lock: LockState;
  /** The token the background uses on this tab's site (the chosen one, else the first meant for it), if any. */
  forSite: TokenSummary | null;
  /** When several tokens are meant for the site: which one is used, to pick another. */
  choice?: TokenChoiceView;
  /** True on a page with a content id (actions apply). */
  onContent: boolean;
  /** The token's health on this site: the stored report at once, then a fresh one. */
  health?: { running: boolean; reports?: HealthReport[]; now?: number; error?: string };
  /** Adding the tab's site to a token the person picked: running, or why it failed. */
  allowSite?: { running: boolean; error?: string };
}

export interface TokensSectionProps {
  view: TokensView;
  host: string | null;
  /** How to create a token, shown when there is none (PopupGuide, passed in by entrypoints/popup). */
  guide: ComponentChildren;
  onAddToken(): void;
  onCheck(tokenId: string): void;
  onAllowSite(tokenId: string): void;
  /** The person picked another of the site's tokens. */
  onChooseToken(tokenId: string): void;
}

function TokenChoice({ choice, current, onChoose }: { choice: TokenChoiceView; current: string; onChoose(tokenId: string): void }) {
  return (
    <>
      <p class="token-choice">
        <label for="token-choice">Token used on this site</label>
        <select
          id="token-choice"
          data-testid="token-choice"
          value={current}
          aria-busy={choice.running}
          onChange={(event) => {
            const picked = (event.currentTarget as HTMLSelectElement).value;
            if (picked !== current) onChoose(picked);
          }}
        >
          {choice.tokens.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </p>
      {choice.error && (
        <p class="notice notice-error" role="alert" data-testid="token-choice-error">
          {choice.error}
        </p>
      )}
    </>
  );
}

export function TokensSection({ view, host, guide, onAddToken, onCheck, onAllowSite, onChooseToken }: TokensSectionProps) {
  const token = view.forSite;
  // Nothing is sent to a site before the person says which token may go there.
  const offers = host !== null && token === null && view.lock !== 'locked' ? tokensToOfferFor(view.tokens, host) : [];
  return (
    <section aria-labelledby="tokens-heading" data-testid="tokens-section">
      <h2 id="tokens-heading">Tokens</h2>
      {view.tokens.length === 0 ? (
        <>
          <p>No token yet. Add one to check it and to watch pages from here.</p>
          <button type="button" data-testid="add-token" onClick={onAddToken}>
            Add a token
          </button>
          {guide}
        </>
      ) : (
        <>
          {view.lock === 'locked' && (
            <p class="notice notice-warning" data-testid="popup-locked">
              Your tokens are locked.{' '}
              <button type="button" class="secondary" data-testid="open-options" onClick={onAddToken}>
                Unlock in settings
              </button>
            </p>
          )}
          {host === null && view.lock !== 'locked' && (
            <p class="note" data-testid="tokens-elsewhere">
              {view.tokens.length === 1 ? 'One token saved' : `${view.tokens.length} tokens saved`}. Open a Confluence page to check its token and
              watch the page.{' '}
              <button type="button" class="secondary" data-testid="open-options" onClick={onAddToken}>
                Settings
              </button>
            </p>
          )}
          {host !== null && token === null && (
            <div data-testid="no-token-for-site">
              <p class="note">
                None of your tokens is for {host} yet{offers.length > 0 ? ': nothing has been sent there.' : '.'}{' '}
                <button type="button" class="secondary" data-testid="open-options" onClick={onAddToken}>
                  Settings
                </button>
              </p>
              {offers.length > 0 && (
                <div class="buttons">
                  {offers.map((offer) => (
                    <button
                      type="button"
                      key={offer.id}
                      data-testid="allow-token-site"
                      data-label={offer.label}
                      disabled={view.allowSite?.running}
                      onClick={() => onAllowSite(offer.id)}
                    >
                      Use “{offer.label}” on {host}
                    </button>
                  ))}
                </div>
              )}
              {view.allowSite?.error && (
                <p class="notice notice-error" role="alert" data-testid="allow-site-error">
                  {view.allowSite.error}
                </p>
              )}
            </div>
          )}
          {token && (
            <div data-testid="popup-token" data-label={token.label}>
              {view.choice && view.choice.tokens.length > 1 && <TokenChoice choice={view.choice} current={token.id} onChoose={onChooseToken} />}
              <p>
                <strong>{token.label}</strong> ({TOKEN_KIND_NAMES[token.kind]}, {token.secretHint}){token.readOnly ? ', read-only' : ''}
                {token.readOnlyBy === 'organisation' && (
                  <>
                    {' '}
                    <PolicyMark policyKey="forceReadOnly" />
                  </>
                )}
              </p>
              <div class="buttons">
                <button type="button" data-testid="popup-check-token" disabled={view.health?.running || view.lock === 'locked'} onClick={() => onCheck(token.id)}>
                  {view.health?.running ? 'Checking…' : view.health?.reports?.length ? 'Check again' : 'Check token'}
                </button>
              </div>
              <div aria-live="polite">
                {view.health?.error && (
                  <p class="notice notice-error" role="alert" data-testid="popup-check-result">
                    {view.health.error}
                  </p>
                )}
                {view.health?.reports?.map((report) => (
                  <HealthReportView key={report.site} report={report} now={view.health!.now ?? report.checkedAt} refreshing={view.health!.running} testId="popup-check-result" />
                ))}
                {view.health && !view.health.running && !view.health.error && view.health.reports?.length === 0 && (
                  <p class="note" data-testid="popup-not-checked">
                    Not checked on this site yet: “Check token” tries what the extension does with it (a few safe reads).
                  </p>
                )}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
