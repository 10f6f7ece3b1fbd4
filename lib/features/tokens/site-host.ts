import { normaliseSiteHost } from '../../atlassian/endpoints';

/**
 * The Cloud site host a token is for, from what a person types or pastes: `acme.atlassian.net`,
 * `https://acme.atlassian.net/wiki/spaces/X/...`. Undefined when it is not a Cloud site. What
 * counts as a site is decided once, by the endpoint resolver that will use the host.
 */
export function normalizeSiteHost(input: string): string | undefined {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.port !== '' || url.username !== '' || url.password !== '') return undefined;
  const site = normaliseSiteHost(url.hostname);
  return site.ok ? site.value : undefined;
}
