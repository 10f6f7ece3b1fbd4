/**
 * The job's source in the export page: every read is a request on the export port (the
 * background makes the authenticated call), and a signed media URL is fetched here with no
 * credentials at all.
 */
import type { PortAsk } from '../../../core/messaging/port-ask';
import type { ExportPortRequests } from '../background/port-requests';
import type { ExportSource } from '../job/export-source';

export function portExportSource(port: Pick<PortAsk<ExportPortRequests>, 'ask'>, host: string, fetchFn: typeof fetch = fetch): ExportSource {
  return {
    page: (contentId) => port.ask('export-page', { host, contentId }),
    attachments: (contentId) => port.ask('export-attachments', { host, contentId }),
    file: (contentId, attachmentId) => port.ask('export-file', { host, contentId, attachmentId }),
    tree: (contentId) => port.ask('export-tree', { host, contentId }),
    fetchSigned: (url, signal) => fetchFn(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', signal }),
  };
}
