import { TokenKindAdvice } from './TokenKindAdvice';

/** One feature and the granular scopes a scoped token needs for it (derived from the specs). */
export interface FeatureScopeRow {
  feature: string;
  scopes: string[];
  /** Operations of the feature no scoped token can call (an ungrantable scope); said plainly. */
  unavailable: string[];
}

/** What the copy buttons copied last: a feature's name, or ALL_FEATURES for the union. */
export const ALL_FEATURES = '*';

export interface ScopeGuideProps {
  rows: FeatureScopeRow[];
  /** Copies scopes (space-separated); absent: no copy buttons. */
  onCopy?(what: string, scopes: string[]): void;
  /** The last copy: which, and whether it worked (shown next to its button and announced). */
  copied?: { what: string; ok: boolean } | null;
}

/** Every scope of every feature, once each, sorted. */
export function allScopes(rows: FeatureScopeRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.scopes))].sort();
}

type CopyButtonProps = { what: string; scopes: string[]; label: string } & Pick<ScopeGuideProps, 'onCopy' | 'copied'>;

function CopyButton({ what, scopes, label, onCopy, copied }: CopyButtonProps) {
  if (!onCopy || scopes.length === 0) return null;
  const done = copied?.what === what ? copied : null;
  return (
    <>
      <button
        type="button"
        class="secondary small"
        data-testid={what === ALL_FEATURES ? 'copy-all-scopes' : 'copy-scopes'}
        data-feature={what}
        aria-label={what === ALL_FEATURES ? undefined : `Copy the scopes for ${what}`}
        onClick={() => onCopy(what, scopes)}
      >
        {label}
      </button>
      <span class={done && !done.ok ? 'error-text copy-result' : 'note copy-result'} role="status" data-testid={done ? 'copy-result' : undefined}>
        {done ? (done.ok ? 'Copied.' : 'Could not copy: select the scopes and copy them by hand.') : ''}
      </span>
    </>
  );
}

/**
 * The options page's guide: how to create a token, which kind to pick, and the exact scopes each
 * feature needs, with copy buttons. (The popup has a shorter one: PopupGuide.)
 * data-testids: token-guidance, api-token-link, scope-row (each feature, with data-feature),
 * copy-scopes (data-feature), copy-all-scopes, copy-result.
 */
export function ScopeGuide({ rows, onCopy, copied }: ScopeGuideProps) {
  const everything = allScopes(rows);
  return (
    <div class="scope-guide" data-testid="token-guidance">
      <TokenKindAdvice withDataCenter />
      <h3>Scopes a scoped token needs, by feature</h3>
      <p class="help">
        Derived from Atlassian's OpenAPI specifications. Grant the scopes of the features you use; a classic token needs none of this.
      </p>
      <div class="buttons">
        <CopyButton what={ALL_FEATURES} scopes={everything} label={`Copy all ${everything.length} scopes`} onCopy={onCopy} copied={copied} />
      </div>
      <dl class="scopes">
        {rows.map((row) => (
          <div key={row.feature} data-testid="scope-row" data-feature={row.feature}>
            <dt>{row.feature}</dt>
            <dd>
              {row.scopes.map((s) => (
                <code key={s} class="scope">
                  {s}
                </code>
              ))}
              <CopyButton what={row.feature} scopes={row.scopes} label="Copy" onCopy={onCopy} copied={copied} />
              {row.unavailable.length > 0 && (
                <p class="note">Not possible with a scoped token (needs a scope it cannot be given): {row.unavailable.join(', ')}.</p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
