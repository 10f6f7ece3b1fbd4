import { TOKEN_KIND_NAMES, type CloudKind, type TokenKind } from './token-kind';

/**
 * A warning when the kind the user chose contradicts what probing showed, naming the kind the
 * token really is. Undefined when nothing contradicts ('auto', same kind, or nothing detected).
 */
export function mismatchWarning(
  chosen: TokenKind,
  detected: CloudKind | 'unknown',
  site?: string,
): string | undefined {
  if (chosen === 'auto' || detected === 'unknown' || chosen === detected) return undefined;
  const where = site ? `on ${site}` : 'on this site';
  const chose = `You chose “${TOKEN_KIND_NAMES[chosen]}”, but ${where} this token works as a ${TOKEN_KIND_NAMES[detected]}`;
  const consequence =
    detected === 'scoped'
      ? 'its calls must go through api.atlassian.com, not the site address'
      : "its calls go to the site's own address, not through api.atlassian.com";
  return `${chose}: ${consequence}. Change its kind to ${detected} or auto-detect.`;
}
