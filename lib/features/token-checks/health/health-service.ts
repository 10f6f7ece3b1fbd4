import type { TokenSummary } from '../../tokens/token-summary';
import { normalisedSiteKey } from '../../tokens/token-site-match';
import type { HealthChecker, HealthOutcome } from './run-health';
import type { HealthReport } from './health-report';
import type { HealthStore } from './health-store';

/** Notification ids of "this token was refused" alerts; a click opens the token's Replace form. */
export const INVALID_TOKEN_NOTIFICATION_PREFIX = 'ctc-invalid:';

export function invalidTokenNotificationId(tokenId: string): string {
  return `${INVALID_TOKEN_NOTIFICATION_PREFIX}${tokenId}`;
}

/** The token id of an alert's notification id, or undefined for any other notification. */
export function parseInvalidTokenNotificationId(id: string): string | undefined {
  if (!id.startsWith(INVALID_TOKEN_NOTIFICATION_PREFIX)) return undefined;
  const tokenId = id.slice(INVALID_TOKEN_NOTIFICATION_PREFIX.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(tokenId) ? tokenId : undefined;
}

export interface HealthServiceDeps {
  checker: HealthChecker;
  store: HealthStore;
  tokens(): Promise<TokenSummary[]>;
  /** The Confluence page tab `tabId` shows, if any. */
  tabPage(tabId: number): Promise<{ host: string; contentId: string } | undefined>;
  /** Reports were stored: pages re-read them, the badge is recomputed. */
  onReportsChanged(): void;
  showNotification(id: string, notification: { title: string; message: string; buttons: string[] }): Promise<void>;
  onError(what: string, error: unknown): void;
  /** The organisation's help, said after what to do (policy “helpUrl”, “supportContact”). */
  organisationHelp?(): Promise<string | undefined>;
}

export interface HealthService {
  run(tokenId: string, options?: { site?: string; tabId?: number }): Promise<HealthOutcome>;
  /** Stored reports of saved tokens (`tokens`, when the caller has just read them), optionally of one token or one site. */
  reports(filter?: { tokenId?: string; site?: string }, tokens?: readonly TokenSummary[]): Promise<HealthReport[]>;
  /** The daily check: every saved token that is not expired, one after another; locked tokens are skipped. */
  runAll(): Promise<void>;
  /** A call with `token` was refused as invalid on `site`: one notification, and a fresh report at once. */
  tokenRefused(token: TokenSummary, site: string, sentence: string): void;
  /** A check found `token` refused: the notification only (the check's report is the fresh one). */
  alertRefused(token: TokenSummary, site: string, sentence: string): void;
  /** Resolves once every run started so far has ended (tests, and a caller that must not overlap). */
  settled(): Promise<void>;
}

export function createHealthService(deps: HealthServiceDeps): HealthService {
  // A run per token and site at a time: a click during the daily check waits for it, not twice.
  const running = new Map<string, Promise<HealthOutcome>>();

  async function alert(token: TokenSummary, site: string, sentence: string): Promise<void> {
    if (!(await deps.store.markAlerted(token.id, token.revision))) return;
    const help = await deps.organisationHelp?.().catch(() => undefined);
    await deps.showNotification(invalidTokenNotificationId(token.id), {
      title: `Token “${token.label}” was refused`,
      message: `${site}: ${sentence} Click to replace it.${help ? ` ${help}` : ''}`,
      buttons: [],
    });
  }

  function run(tokenId: string, options: { site?: string; tabId?: number } = {}): Promise<HealthOutcome> {
    const key = `${tokenId} ${options.site ?? '*'} ${options.tabId ?? ''}`;
    const current = running.get(key);
    if (current) return current;
    const started = (async () => {
      const page = options.tabId === undefined ? undefined : await deps.tabPage(options.tabId);
      const outcome = await deps.checker.run(tokenId, { ...(options.site ? { site: options.site } : {}), ...(page ? { page } : {}) });
      if (outcome.ok) deps.onReportsChanged();
      return outcome;
    })().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  }

  const alerts = new Set<Promise<void>>();
  const tracked = (work: Promise<void>) => {
    alerts.add(work);
    void work.finally(() => alerts.delete(work));
  };

  return {
    run,
    async settled() {
      await Promise.allSettled([...running.values(), ...alerts]);
    },
    async reports(filter = {}, known?: readonly TokenSummary[]) {
      const tokens = known ?? (await deps.tokens());
      const revisions = new Map(tokens.map((t) => [t.id, t.revision]));
      const site = filter.site === undefined ? undefined : normalisedSiteKey(filter.site);
      // A report of a token edited or replaced since is not its health now.
      return (await deps.store.list(new Set(revisions.keys()))).filter(
        (r) => revisions.get(r.tokenId) === r.tokenRevision && (!filter.tokenId || r.tokenId === filter.tokenId) && (!site || r.site === site),
      );
    },
    async runAll() {
      const tokens = await deps.tokens();
      await deps.store.prune(new Set(tokens.map((t) => t.id)));
      for (const token of tokens) {
        const outcome = await run(token.id).catch((error: unknown) => {
          deps.onError(`Checking “${token.label}”`, error);
          return undefined;
        });
        // Locked: the person unlocks when they use the extension; the next day tries again.
        if (outcome && !outcome.ok) continue;
      }
    },
    alertRefused(token, site, sentence) {
      tracked(alert(token, site, sentence).catch((error: unknown) => deps.onError('Showing a token alert', error)));
    },
    tokenRefused(token, site, sentence) {
      tracked(alert(token, site, sentence).catch((error: unknown) => deps.onError('Showing a token alert', error)));
      void run(token.id, { site }).catch((error: unknown) => deps.onError('Checking a refused token', error));
    },
  };
}
