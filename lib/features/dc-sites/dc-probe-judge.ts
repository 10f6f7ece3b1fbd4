import type { DcProbeAnswer } from '../../atlassian/client/dc-probe';

/*
 * Whether what an address answered is Confluence (issue 10: "no /rest/api/ answer, no Confluence
 * meta tags" means it is not). Either proof is enough: the REST API answering in Confluence's own
 * JSON (a result list, or its error envelope, which an unauthenticated call usually gets), or a
 * page carrying `ajs-version-number`, which every Confluence page has (API-FACTS "Data Center").
 */

export type ProbeVerdict = { confluence: true; version: string | null } | { confluence: false };

const VERSION_META = /<meta\s+[^>]*name=["']ajs-version-number["'][^>]*>/i;
const CONTENT_ATTRIBUTE = /content=["']([^"']{1,40})["']/i;

/** The version in a page's `ajs-version-number` meta tag, or undefined when the page has none. */
export function versionFromPage(html: string): string | null | undefined {
  const tag = VERSION_META.exec(html)?.[0];
  if (!tag) return undefined;
  return CONTENT_ATTRIBUTE.exec(tag)?.[1]?.trim() || null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Confluence v1 JSON: `{results: [...]}` on success, `{statusCode, message}` for an error. */
export function looksLikeConfluenceRest(answer: DcProbeAnswer): boolean {
  if (!/json/i.test(answer.contentType)) return false;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return false;
  }
  if (!isRecord(body)) return false;
  if (Array.isArray(body.results)) return true;
  return typeof body.statusCode === 'number' && typeof body.message === 'string';
}

export function judgeProbe(rest: DcProbeAnswer | undefined, page: DcProbeAnswer | undefined): ProbeVerdict {
  const version = page && /html/i.test(page.contentType) ? versionFromPage(page.text) : undefined;
  if (version !== undefined) return { confluence: true, version };
  if (rest && looksLikeConfluenceRest(rest)) return { confluence: true, version: null };
  return { confluence: false };
}
