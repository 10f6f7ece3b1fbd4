import { isAtlassianCloudHost } from '../../atlassian/endpoints';

export type DcBaseUrlResult = { ok: true; url: string } | { ok: false; message: string };

/**
 * Validates and normalizes a Data Center base URL: https, optional context path, no query,
 * fragment or credentials; trailing slashes dropped (`https://host/confluence`).
 * Messages do not repeat the input: it may be a secret pasted into the wrong field.
 */
export function parseDcBaseUrl(input: string): DcBaseUrlResult {
  const text = input.trim();
  if (text === '') {
    return { ok: false, message: 'Enter the address of your Confluence Data Center, for example https://confluence.example.com/confluence.' };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'This is not a web address. Enter it in full, for example https://confluence.example.com/confluence.' };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: 'The address must start with https:// so that the token never travels unencrypted.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'The address must not contain a user name or password; the token is sent separately.' };
  }
  if (url.search !== '' || url.hash !== '' || text.endsWith('?') || text.endsWith('#')) {
    return { ok: false, message: 'The address must not contain "?" or "#": enter only the base address of Confluence.' };
  }
  // The request client's own rule: Cloud hosts never serve Data Center, so a PAT pointed there is a kind mistake.
  if (isAtlassianCloudHost(url.hostname)) {
    return { ok: false, message: 'This is an Atlassian Cloud address. For Cloud, choose a classic or scoped token (or auto-detect) instead of a Data Center token.' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}
