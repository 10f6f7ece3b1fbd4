import { POPUP_SCOPE_ROWS } from './popup-scope-rows.generated';
import { TokenKindAdvice } from './TokenKindAdvice';

/**
 * The popup's short token guidance: where to create a token, which kind to pick, and the scopes
 * each feature needs (generated from the specs; the options page has the full guide with notes
 * and copy buttons). data-testids: token-guidance, api-token-link, scope-row (data-feature).
 */
export function PopupGuide() {
  return (
    <div class="scope-guide" data-testid="token-guidance">
      <TokenKindAdvice />
      <h3>Scopes a scoped token needs</h3>
      <dl class="scopes">
        {POPUP_SCOPE_ROWS.map((row) => (
          <div key={row.feature} data-testid="scope-row" data-feature={row.feature}>
            <dt>{row.feature}</dt>
            <dd>
              {row.scopes.map((s) => (
                <code key={s} class="scope">
                  {s}
                </code>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <p class="note">The settings page has the full list, with copy buttons.</p>
    </div>
  );
}
