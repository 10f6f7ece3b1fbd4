import { parseDcBaseUrl } from './dc-base-url';
import { CLOUD_EXPIRY_MAX_DAYS, CLOUD_EXPIRY_MIN_DAYS, cloudExpiryRange } from './expiry-dates';
import { daysBetween, isoDateToDayNumber, type IsoDate } from './iso-date';
import { cloudSiteHostFromInput } from '../../sites/site-host';
import type { TokenFieldErrors, TokenFormInput } from './token-form-input';
import { isCloudTokenKind, isTokenKind, type TokenKind } from './token-kind';

export const LABEL_MAX_LENGTH = 60;
const EMAIL_MAX_LENGTH = 254;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A form that passed validation, normalized; fields that do not apply to the kind are dropped. */
export interface ValidTokenInput {
  label: string;
  kind: TokenKind;
  email?: string;
  /** Undefined when editing and the form left the secret empty: keep the saved one. */
  secret?: string;
  expiresOn?: IsoDate;
  sites: string[];
  dcBaseUrl?: string;
  readOnly: boolean;
}

export interface TokenValidationContext {
  /** The user's calendar date, `YYYY-MM-DD`. */
  today: IsoDate;
  /** Tokens already saved, to keep labels unique. */
  existing: readonly { id: string; label: string }[];
  /** Set when editing: that token's label does not count as a duplicate, its secret may be kept. */
  editing?: { id: string; expiresOn?: IsoDate };
}

export type TokenValidationResult = { ok: true; value: ValidTokenInput } | { ok: false; errors: TokenFieldErrors };

/**
 * Checks a token form and says, per field, what to fix. No message repeats what was typed
 * (except a well-formed date): a secret pasted into the wrong field must not be echoed.
 */
export function validateTokenInput(input: TokenFormInput, context: TokenValidationContext): TokenValidationResult {
  const errors: TokenFieldErrors = {};

  const label = input.label.trim();
  const labelLength = [...label].length;
  if (label === '') {
    errors.label = 'Give the token a name, so that you can tell it apart from others.';
  } else if (labelLength > LABEL_MAX_LENGTH) {
    errors.label = `The name is ${labelLength} characters long; keep it to ${LABEL_MAX_LENGTH} or fewer.`;
  } else {
    const clash = context.existing.find(
      (t) => t.id !== context.editing?.id && t.label.trim().toLowerCase() === label.toLowerCase(),
    );
    if (clash) errors.label = 'Another token already has this name. Choose a different name.';
  }

  if (!isTokenKind(input.kind)) {
    errors.kind = 'Choose the kind of token: auto-detect, classic, scoped or Data Center personal access token.';
    return { ok: false, errors };
  }
  const kind = input.kind;
  const cloud = isCloudTokenKind(kind);

  const secret = input.secret ?? '';
  if (secret === '') {
    if (!context.editing) errors.secret = 'Paste the token.';
  } else {
    const problem = secretProblem(secret);
    if (problem) errors.secret = problem;
  }

  let email: string | undefined;
  if (cloud) {
    email = (input.email ?? '').trim();
    if (email === '') {
      errors.email = 'Enter the email address of the Atlassian account that created this token.';
    } else if (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email)) {
      errors.email = 'This is not an email address. Enter it like name@example.com.';
    }
  }

  const expiresOn = (input.expiresOn ?? '').trim();
  const expiryError = checkExpiry(expiresOn, cloud, context);
  if (expiryError) errors.expiresOn = expiryError;

  const sites: string[] = [];
  if (cloud) {
    const entries = (input.sites ?? []).map((s) => s.trim()).filter((s) => s !== '');
    const bad: number[] = [];
    entries.forEach((entry, index) => {
      const host = cloudSiteHostFromInput(entry);
      if (host === undefined) bad.push(index + 1);
      else if (!sites.includes(host)) sites.push(host);
    });
    if (bad.length > 0) {
      const which = entries.length === 1 ? 'This is' : `${bad.length === 1 ? 'Site' : 'Sites'} ${bad.join(', ')} of ${entries.length} ${bad.length === 1 ? 'is' : 'are'}`;
      errors.sites = `${which} not a Confluence Cloud site. Enter a host such as acme.atlassian.net, or leave the list empty and choose sites later from the popup.`;
    }
  }

  let dcBaseUrl: string | undefined;
  if (!cloud) {
    const parsed = parseDcBaseUrl(input.dcBaseUrl ?? '');
    if (parsed.ok) dcBaseUrl = parsed.url;
    else errors.dcBaseUrl = parsed.message;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      label,
      kind,
      ...(email !== undefined ? { email } : {}),
      ...(secret !== '' ? { secret } : {}),
      ...(expiresOn !== '' ? { expiresOn } : {}),
      sites,
      ...(dcBaseUrl !== undefined ? { dcBaseUrl } : {}),
      readOnly: input.readOnly ?? false,
    },
  };
}

/** What is wrong with a pasted (non-empty) secret; never repeats it. */
export function secretProblem(secret: string): string | undefined {
  if (!/\s/.test(secret)) return undefined;
  return /^\s|\s$/.test(secret)
    ? 'The token starts or ends with a space or line break. Paste it again without them.'
    : 'The token contains a space or line break, which a token never has. Copy it again and paste it without them.';
}

/** The expiry rules of the form, for `expiresOn` already trimmed; also used when a token is replaced. */
export function checkExpiry(expiresOn: string, cloud: boolean, context: Pick<TokenValidationContext, 'today' | 'editing'>): string | undefined {
  if (expiresOn === '') {
    return cloud
      ? 'Enter the expiry date you chose when creating the token: Atlassian does not tell it afterwards.'
      : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) return 'Enter the date as YYYY-MM-DD, for example 2030-06-30.';
  if (isoDateToDayNumber(expiresOn) === undefined) return `${expiresOn} is not a date that exists in the calendar.`;
  // A date kept unchanged while editing was checked when it was entered; it may be near or past now.
  if (context.editing && context.editing.expiresOn === expiresOn) return undefined;
  const ahead = daysBetween(context.today, expiresOn);
  if (cloud) {
    if (ahead < CLOUD_EXPIRY_MIN_DAYS || ahead > CLOUD_EXPIRY_MAX_DAYS) {
      const { earliest, latest } = cloudExpiryRange(context.today);
      return `Choose a date from ${earliest} to ${latest}: Atlassian Cloud tokens expire ${CLOUD_EXPIRY_MIN_DAYS} to ${CLOUD_EXPIRY_MAX_DAYS} days after they are created.`;
    }
  } else if (ahead < 1) {
    return `This date has passed. Choose a date after ${context.today}, or leave it empty if the token does not expire.`;
  }
  return undefined;
}
