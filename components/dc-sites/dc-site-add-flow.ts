import { originPattern, readDcAddress } from '../../lib/features/dc-sites/dc-site-address';
import type { DcSiteView } from '../../lib/features/dc-sites/messages';
import { dcSiteSentences, NOTHING_SAVED } from '../../lib/features/dc-sites/dc-site-sentences';
import type { TokenFormInput } from '../../lib/features/tokens/token-form-input';
import type { TokenWriteResult } from '../../lib/features/tokens/token-vault';
import type { DcSiteDraft } from './DcSitesSection';

/*
 * "Add site" from the person's click, as a plain function of its browser and background calls
 * (so it can be tested with fakes): the address is judged first (nothing asked when it is
 * wrong), the browser is asked for the origin before anything is awaited (Firefox drops the
 * user gesture at the first await), then the background checks and adds the site, then a PAT
 * typed with it is saved for the site's own base URL.
 */

/** The background's `dc-site-add` answer. */
export type DcSiteAddAnswer =
  | { ok: true; site: DcSiteView; alreadyAdded: boolean }
  | { ok: false; problem: 'address' | 'not-allowed' | 'permission' | 'unreachable' | 'not-confluence'; sentence: string };

export interface DcSiteAddDeps {
  /** `browser.permissions.request({ origins })`. */
  requestOrigins(origins: string[]): Promise<boolean>;
  addSite(baseUrl: string): Promise<DcSiteAddAnswer>;
  savePat(input: TokenFormInput): Promise<TokenWriteResult>;
  /** The tokens are locked: a PAT cannot be encrypted now. */
  locked: boolean;
  /** The organisation's refusal of the base URL (policy “allowedSites”): nothing is asked then. */
  policyRefusal?(baseUrl: string): string | undefined;
}

/**
 * `problem` beyond the background's: `locked` (a PAT typed while the tokens are locked, nothing
 * asked), `token` (the site was added, its PAT not saved), `failed` (no answer).
 */
export type DcSiteAddOutcome =
  | { ok: true; site: DcSiteView; status: string; tokenId: string | null }
  | { ok: false; problem: string; sentence: string; siteAdded: boolean };

export const dcAddSentences = {
  locked: `Your tokens are locked: unlock them under “Passphrase lock” to save this token, or clear the token field to add the site alone. ${NOTHING_SAVED}`,
  tokenNotSaved: (host: string, why: string) => `${host} was added, but the token was not saved: ${why}`,
  added: (site: DcSiteView, alreadyAdded: boolean, tokenLabel: string | null) => {
    const saved = tokenLabel === null ? '' : ` and the token “${tokenLabel}” saved`;
    return alreadyAdded ? `${site.host} was already added${saved}.` : `Added ${site.host}${site.version ? ` (Confluence ${site.version})` : ''}${saved}.`;
  },
} as const;

const hasPat = (draft: DcSiteDraft) => draft.patSecret.trim() !== '';

function patInput(draft: DcSiteDraft, site: DcSiteView): TokenFormInput {
  return {
    // A PAT needs a name to tell it apart; the site's host is a fair one when none was typed.
    label: draft.patLabel.trim() || `${site.host} token`,
    kind: 'dc-pat',
    secret: draft.patSecret,
    dcBaseUrl: site.baseUrl,
    ...(draft.patExpiry ? { expiresOn: draft.patExpiry } : {}),
    readOnly: draft.patReadOnly,
  };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Not `async`: the permission request must be made in the caller's click, before any await. */
export function addDcSite(draft: DcSiteDraft, deps: DcSiteAddDeps): Promise<DcSiteAddOutcome> {
  const address = readDcAddress(draft.baseUrl);
  if (!address.ok) return Promise.resolve({ ok: false, problem: 'address', sentence: address.sentence, siteAdded: false });
  const refused = deps.policyRefusal?.(address.baseUrl);
  if (refused) return Promise.resolve({ ok: false, problem: 'not-allowed', sentence: refused, siteAdded: false });
  if (hasPat(draft) && deps.locked) return Promise.resolve({ ok: false, problem: 'locked', sentence: dcAddSentences.locked, siteAdded: false });
  let granted: Promise<boolean>;
  try {
    granted = deps.requestOrigins([originPattern(address.origin)]);
  } catch {
    granted = Promise.resolve(false);
  }
  return finish(draft, address.baseUrl, address.origin, granted.catch(() => false), deps);
}

async function finish(draft: DcSiteDraft, baseUrl: string, origin: string, granted: Promise<boolean>, deps: DcSiteAddDeps): Promise<DcSiteAddOutcome> {
  if (!(await granted)) return { ok: false, problem: 'permission', sentence: dcSiteSentences.noPermission(origin), siteAdded: false };
  let added: DcSiteAddAnswer;
  try {
    added = await deps.addSite(baseUrl);
  } catch (error) {
    return { ok: false, problem: 'failed', sentence: errorText(error), siteAdded: false };
  }
  if (!added.ok) return { ok: false, problem: added.problem, sentence: added.sentence, siteAdded: false };
  if (!hasPat(draft)) return { ok: true, site: added.site, status: dcAddSentences.added(added.site, added.alreadyAdded, null), tokenId: null };
  let saved: TokenWriteResult;
  try {
    saved = await deps.savePat(patInput(draft, added.site));
  } catch (error) {
    return { ok: false, problem: 'token', sentence: dcAddSentences.tokenNotSaved(added.site.host, errorText(error)), siteAdded: true };
  }
  if (!saved.ok) {
    // The site is added; the token is not: the form stays open with what was typed.
    const why = saved.reason === 'invalid' ? Object.values(saved.errors).filter(Boolean).join(' ') : saved.message;
    return { ok: false, problem: 'token', sentence: dcAddSentences.tokenNotSaved(added.site.host, why), siteAdded: true };
  }
  return { ok: true, site: added.site, status: dcAddSentences.added(added.site, added.alreadyAdded, saved.token.label), tokenId: saved.token.id };
}
