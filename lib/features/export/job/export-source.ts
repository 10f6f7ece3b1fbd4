/*
 * What an export needs from the outside, as the job sees it: the background's reads (over the
 * export port in the page, fakes in tests) and the unauthenticated fetch of a signed media URL.
 */
import type { ActionFailure } from '../../../atlassian/failure-view';
import type { ExportAttachment, ExportCallStats, ExportFile, ExportPageData } from '../export-page-data';

export type SourceAnswer<T> = ({ ok: true } & T & { stats: ExportCallStats }) | { ok: false; failure: ActionFailure; stats: ExportCallStats };

export interface SourceTreeEntry {
  id: string;
  title: string;
  type: string;
  parentId: string;
  depth: number;
}

export interface ExportSource {
  page(contentId: string): Promise<SourceAnswer<{ page: ExportPageData }>>;
  attachments(contentId: string): Promise<SourceAnswer<{ attachments: ExportAttachment[] }>>;
  file(contentId: string, attachmentId: string): Promise<SourceAnswer<{ file: ExportFile }>>;
  tree(contentId: string): Promise<SourceAnswer<{ via: 'v2-descendants' | 'v1-descendants'; entries: SourceTreeEntry[]; truncated: boolean }>>;
  /** A signed media URL, fetched with no credentials and no cookies (the signature is the authorisation). */
  fetchSigned(url: string, signal: AbortSignal): Promise<Response>;
}
