/**
 * Everything decided before any network access: the read-only guard, whether the credential can
 * be sent at all, the base URL and auth header for its kind, and the operation's URL. Only
 * operations from operations.ts, filled with encoded path parameters, ever become a URL (Data
 * Center's servlet download: its one parameter is a link checked to stay under its prefix below
 * the base URL, servlet-link.ts).
 */
import type * as z from 'zod';
import { DC_DOWNLOAD_FOLLOWS_REDIRECTS } from '../data-center-guesses';
import { resolveEndpoints, type BaseKind } from '../endpoints';
import {
  cancelledFailure,
  dataCenterOnlyFailure,
  endpointFailure,
  invalidInputFailure,
  readOnlyFailure,
  unsupportedOnDataCenter,
  unusableCredentialFailure,
  type Failure,
} from '../failure';
import { OPERATIONS, pathBelowBase, pathParamNames, type OperationDefinition, type OperationId } from '../operations';
import { answerByteLimit } from '../schemas/bounds';
import { defaultSchemaFor } from '../schemas/index';
import type { OutgoingRequest } from './attempt';
import { servletPathBelowBase } from './servlet-link';
import type { AnyRequestInput, Credential, QueryValue } from './types';

const READ_METHODS = ['GET', 'HEAD'];

/** A call ready to send, checked in full. */
export interface PreparedCall {
  op: OperationDefinition;
  request: OutgoingRequest;
  /** The resolved API root (gateway prefix included); next-page links stay under it. */
  apiBase: string;
  baseKind: BaseKind;
  schema: z.ZodType | undefined;
  /** The secret and its header forms, to scrub from anything reported. */
  secrets: string[];
}

export type Preparation = { ok: true; value: PreparedCall } | { ok: false; failure: Failure };

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// Visible ASCII only: a pasted line break or space would otherwise surface as a confusing fetch error.
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

/** Why the credential cannot be sent as it is, or undefined. */
function checkCredential(credential: Credential): string | undefined {
  if (!TOKEN_CHARS.test(credential.secret)) {
    return credential.secret.trim() === '' ? 'the token is empty' : 'the token contains spaces, line breaks or other characters a token does not have';
  }
  if (credential.kind !== 'dc-pat') {
    const email = credential.email?.trim() ?? '';
    if (email === '') return 'Cloud tokens need the email address of their account';
    if (!/^[^\s:]+@[^\s:]+$/.test(email)) return 'the email address is not valid';
  }
  return undefined;
}

function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The operation's path with each `{name}` replaced by its encoded value; never free-form input. */
function fillPath(op: OperationDefinition, params: Record<string, unknown> | undefined): string | { invalid: string } {
  let path = pathBelowBase(op);
  for (const name of pathParamNames(op.specPath)) {
    const value = params?.[name];
    if (typeof value !== 'string' || value.trim() === '') return { invalid: `"${name}" is missing` };
    if (value === '.' || value === '..') return { invalid: `"${name}" is not a valid value` };
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  }
  return path;
}

/**
 * A servlet operation's URL: its one parameter is a link from an answer, checked (servlet-link.ts)
 * and put below the DC base URL, then checked again as the URL it became, so the PAT can only go
 * to that base URL's origin, under the operation's prefix.
 */
function servletUrl(op: OperationDefinition, base: string, params: Record<string, unknown> | undefined, query: string): string | { invalid: string } {
  if (query !== '') return { invalid: 'it takes no query beside the link’s own' };
  const [name] = pathParamNames(op.specPath);
  const prefix = op.specPath.slice(0, op.specPath.indexOf('{'));
  const contextPath = new URL(base).pathname.replace(/\/$/, '');
  const checked = servletPathBelowBase(name === undefined ? undefined : params?.[name], prefix, contextPath);
  if (!checked.ok) return { invalid: checked.invalid };
  const url = new URL(`${base}${checked.path}`);
  if (url.origin !== new URL(base).origin || !url.pathname.startsWith(`${contextPath}${prefix}`)) return { invalid: 'the download link leaves the server' };
  return url.href;
}

/** The operation's path as the activity log shows a call that never went out. */
export function displayPath(op: OperationDefinition): string {
  return op.api === 'v2' ? `/wiki/api/v2${op.specPath}` : op.specPath;
}

/** The read-only guard: a write by a read-only token is refused before anything else. */
export function readOnlyRefusal(readOnly: boolean, operation: OperationId, by?: 'organisation'): Failure | undefined {
  return readOnly && !READ_METHODS.includes(OPERATIONS[operation].method) ? readOnlyFailure(operation, by) : undefined;
}

export function prepare(input: AnyRequestInput): Preparation {
  const op: OperationDefinition = OPERATIONS[input.operation];
  const { credential, site } = input;
  // The read-only guard comes first: nothing else may be consulted before refusing a write.
  const refusal = readOnlyRefusal(credential.readOnly, input.operation, credential.readOnlyBy);
  if (refusal) return { ok: false, failure: refusal };
  if (input.signal?.aborted) return { ok: false, failure: cancelledFailure() };
  const unusable = checkCredential(credential);
  if (unusable !== undefined) return { ok: false, failure: unusableCredentialFailure(unusable) };

  const endpoints = resolveEndpoints({
    kind: credential.kind,
    siteHost: site.kind === 'cloud' ? site.host : undefined,
    cloudId: site.kind === 'cloud' ? site.cloudId : undefined,
    dcBaseUrl: site.kind === 'dc' ? site.baseUrl : undefined,
    via: input.via,
  });
  if (!endpoints.ok) return { ok: false, failure: endpointFailure(endpoints.error) };
  const apiBase = endpoints.value[op.api];
  if (apiBase === null) {
    return { ok: false, failure: op.api === 'dc-servlet' ? dataCenterOnlyFailure(input.operation) : unsupportedOnDataCenter(input.operation) };
  }

  const params = input.pathParams as Record<string, unknown> | undefined;
  const query = buildQuery(input.query);
  const servlet = op.api === 'dc-servlet';
  const url = servlet ? servletUrl(op, apiBase, params, query) : fillPath(op, params);
  if (typeof url !== 'string') return { ok: false, failure: invalidInputFailure(input.operation, url.invalid) };

  const secret = credential.secret;
  const authValue =
    endpoints.value.authScheme === 'bearer' ? `Bearer ${secret}` : `Basic ${base64Utf8(`${credential.email?.trim() ?? ''}:${secret}`)}`;
  const headers: Record<string, string> = {
    Authorization: authValue,
    Accept: op.response === 'binary' ? '*/*' : 'application/json',
  };
  // Confluence's XSRF check refuses writes without it (403), even with a token.
  if (!READ_METHODS.includes(op.method)) headers['X-Atlassian-Token'] = 'no-check';
  const request: OutgoingRequest = {
    url: servlet ? url : `${apiBase}${url}${query}`,
    method: op.method,
    headers,
    download: op.response === 'binary',
    ...(op.response === 'binary' && input.download === 'hand-off' ? { handOff: true } : {}),
    // Data Center files come from the site's own origin: nothing there to follow a redirect to.
    ...(servlet && !DC_DOWNLOAD_FOLLOWS_REDIRECTS ? { refuseRedirect: true } : {}),
    maxBodyBytes: answerByteLimit(input.operation),
  };
  if (input.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(input.body);
  }
  return {
    ok: true,
    value: {
      op,
      request,
      apiBase,
      baseKind: endpoints.value.baseKind,
      schema: input.schema ?? defaultSchemaFor(input.operation),
      secrets: [secret, authValue, authValue.replace(/^\w+ /, ''), encodeURIComponent(secret)],
    },
  };
}
