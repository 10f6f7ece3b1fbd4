import { TOKEN_KINDS, type TokenKind } from '../tokens/token-kind';
import { POLICY_KEYS, type Policy, type PolicyKey } from './policy';
import { dcSiteKey } from '../../sites/site-key';

/*
 * Managed storage as the browser hands it over, judged key by key: a malformed value is ignored
 * on its own, with a warning for the options page, and never takes the other keys (or the
 * extension) down with it. Unknown keys are warned about too: a typo in a policy file would
 * otherwise silently enforce nothing.
 */

export interface PolicyReading {
  policy: Policy;
  /** One sentence per ignored key, naming it and what was wrong. */
  warnings: string[];
}

type Judged<T> = { ok: true; value: T } | { ok: false; why: string };

const MAX_LIST = 200;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function bool(value: unknown): Judged<boolean> {
  return typeof value === 'boolean' ? { ok: true, value } : { ok: false, why: 'it must be true or false' };
}

// A Cloud host, a wildcard of one (`*.acme.atlassian.net`), or an https base URL.
const SITE_PATTERN = /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$|^https:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:\/[^\s?#]*)?$/;

function sites(value: unknown): Judged<string[]> {
  if (!Array.isArray(value) || value.length > MAX_LIST) return { ok: false, why: `it must be a list of at most ${MAX_LIST} host patterns or base URLs` };
  const out: string[] = [];
  for (const item of value) {
    const text = typeof item === 'string' ? item.trim().toLowerCase().replace(/\/+$/, '') : '';
    if (!SITE_PATTERN.test(text)) return { ok: false, why: `${JSON.stringify(item).slice(0, 80)} is not a host pattern or an https base URL` };
    // A base URL as site keys have it (`https://host:443/ctx` is `https://host/ctx`).
    out.push(text.startsWith('https://') ? (dcSiteKey(text)?.toLowerCase() ?? text) : text);
  }
  return { ok: true, value: out };
}

function kinds(value: unknown): Judged<TokenKind[]> {
  if (!Array.isArray(value) || value.length === 0) return { ok: false, why: `it must be a non-empty list of ${TOKEN_KINDS.join(', ')}` };
  const unknown = value.filter((k) => !(TOKEN_KINDS as readonly unknown[]).includes(k));
  if (unknown.length > 0) return { ok: false, why: `${JSON.stringify(unknown[0]).slice(0, 40)} is not a token kind (${TOKEN_KINDS.join(', ')})` };
  return { ok: true, value: [...new Set(value as TokenKind[])] };
}

const days = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 365;

function thresholds(value: unknown): Judged<number[]> {
  if (!Array.isArray(value) || value.length > 20 || !value.every(days)) return { ok: false, why: 'it must be a list of whole numbers of days from 0 to 365' };
  return { ok: true, value: [...new Set(value)].sort((a, b) => b - a) };
}

function minimum(value: unknown): Judged<number> {
  return days(value) ? { ok: true, value } : { ok: false, why: 'it must be a whole number of days from 0 to 365' };
}

function httpsUrl(value: unknown): Judged<string> {
  if (typeof value !== 'string' || value.length > 2000) return { ok: false, why: 'it must be an https address' };
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? { ok: true, value: url.href } : { ok: false, why: 'it must be an https address' };
  } catch {
    return { ok: false, why: 'it must be an https address' };
  }
}

function contact(value: unknown): Judged<string> {
  const text = typeof value === 'string' ? value.trim() : '';
  return text !== '' && text.length <= 300 && !/[\u0000-\u001f]/.test(text) ? { ok: true, value: text } : { ok: false, why: 'it must be a short text (at most 300 characters)' };
}

const JUDGES: { [K in PolicyKey]: (value: unknown) => Judged<NonNullable<Policy[K]>> } = {
  forceReadOnly: bool,
  allowedSites: sites,
  allowedTokenKinds: kinds,
  reminderThresholdsDays: thresholds,
  minimumReminderDays: minimum,
  disableExport: bool,
  disableActivityExport: bool,
  helpUrl: httpsUrl,
  supportContact: contact,
};

export function readPolicy(raw: unknown): PolicyReading {
  if (raw === undefined || raw === null) return { policy: {}, warnings: [] };
  if (!isRecord(raw)) return { policy: {}, warnings: ['The policy your organisation set is not a set of keys and values, so none of it applies.'] };
  const policy: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      warnings.push(`The policy key “${key.slice(0, 60)}” is not one this extension knows, so it is ignored.`);
      continue;
    }
    const judged = JUDGES[key as PolicyKey](value);
    if (judged.ok) policy[key] = judged.value;
    else warnings.push(`The policy “${key}” is ignored: ${judged.why}.`);
  }
  return { policy: policy as Policy, warnings };
}
