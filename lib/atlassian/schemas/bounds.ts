/**
 * How much of an answer the client takes in, in one place. A hostile or broken server (or one
 * a redirect used to lead to) can send anything: a 4 MB `displayName` once froze the options
 * page for minutes, because it was kept on the token and rendered again and again. So every
 * body is read with a byte limit (client/attempt.ts, stream-read, stopped at the limit), and the
 * response schemas bound every string and list the extension keeps or shows. The numbers are
 * far above anything Confluence sends (names and titles are at most a few hundred characters,
 * list pages at most 250 entries) and far below what hurts a page. No runtime imports: the
 * tokens feature bounds the identity it stores with the same number.
 */
import type { OperationId } from '../operations';

/** Longest JSON answer read (2 MiB); a longer one is refused as `malformed-response`. */
export const MAX_JSON_ANSWER_BYTES = 2 * 1024 * 1024;

/**
 * Longest answer of the operations that carry a page body (storage or export format), which a
 * long page with big tables can make larger than an ordinary answer (32 MiB).
 */
export const MAX_PAGE_BODY_ANSWER_BYTES = 32 * 1024 * 1024;

/** The operations whose answers carry a page body, read up to MAX_PAGE_BODY_ANSWER_BYTES. */
export const PAGE_BODY_OPERATIONS: readonly OperationId[] = ['getContentById', 'getPageById'];

/** The longest answer read for `operation` (of a failure answer, only that much of its start). */
export function answerByteLimit(operation: OperationId): number {
  return PAGE_BODY_OPERATIONS.includes(operation) ? MAX_PAGE_BODY_ANSWER_BYTES : MAX_JSON_ANSWER_BYTES;
}

/**
 * Longest short text kept or shown: names (`displayName`, `publicName`), `email`, `accountId`,
 * usernames, titles, labels, keys, ids, types, dates.
 */
export const MAX_TEXT_CHARS = 1_000;

/** Longest link (`_links.*`, `downloadLink`, a picture path) or free text such as an attachment comment. */
export const MAX_LINK_CHARS = 8_000;

/** Longest list in one answer: results of a page of a list, ancestors, labels. */
export const MAX_LIST_ITEMS = 1_000;

/** How a byte limit reads in a sentence: "2 MB". */
export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
