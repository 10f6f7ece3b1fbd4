import type { PageContext } from '../features/pages/page-context';
import { TENANT_INFO_MAX_CHARS } from '../features/pages/tenant-info-limits';

/*
 * Messages between the content script and the background, as plain types. The content script
 * must not import zod (bundle budget): the background validates these with the schemas in
 * ./schemas/, and the content script reads the background's replies with the guard below.
 */

/** Content → background: this tab shows this Confluence page. */
export interface PageSeenMessage {
  type: 'page-seen';
  host: string;
  context: PageContext;
}
export interface PageSeenResult {
  /** This tab, and no other, should read `/_edge/tenant_info` now and report it. */
  fetchCloudId: boolean;
}

/** Content → background: what `/_edge/tenant_info` answered (raw, bounded), or why it failed. */
export type CloudIdResultMessage =
  | { type: 'cloud-id-result'; host: string; ok: true; bodyText: string }
  | { type: 'cloud-id-result'; host: string; ok: false; reason: string };
export interface CloudIdResultResult {
  /** False when the background did not expect this result (no lease for this tab) and ignored it. */
  recorded: boolean;
}

/** The longest tenant_info body a content script sends. */
export const CLOUD_ID_BODY_MAX_CHARS = TENANT_INFO_MAX_CHARS;
export const CLOUD_ID_REASON_MAX_CHARS = 200;

/** True only for a successful `page-seen` reply that asks this tab to read tenant_info. */
export function isFetchCloudIdReply(reply: unknown): boolean {
  if (typeof reply !== 'object' || reply === null) return false;
  const { ok, data } = reply as { ok?: unknown; data?: unknown };
  return ok === true && typeof data === 'object' && data !== null && (data as { fetchCloudId?: unknown }).fetchCloudId === true;
}
