/**
 * The export's page actions, run by the page-actions dispatcher like every other action (popup,
 * menus, shortcuts): open the Export page for a page or its tree, and copy a page as Markdown.
 * The copy converts in the background itself: the storage parser needs no DOM, so it runs in
 * Chrome's service worker and Firefox's event page alike.
 */
import type { PageAction } from '../../page-actions/page-action';
import { toActionFailure } from '../../../atlassian/failure-view';
import { storageToMarkdown } from '../storage-to-markdown';
import { pageFrontMatter, siteAttachmentUrl } from '../job/page-documents';
import { toExportPage } from '../background/export-reads';
import { exportContentSchema } from '../background/export-content-schema';

function opener(name: 'export-page' | 'export-tree', scope: 'page' | 'tree'): PageAction {
  return {
    name,
    operation: undefined,
    async run({ target }) {
      return {
        ok: true,
        sentence: scope === 'tree' ? 'Opening the export of the page and its children.' : 'Opening the export of the page.',
        export: { host: target.host, contentId: target.context.contentId, scope },
      };
    },
  };
}

export const exportPageAction = opener('export-page', 'page');
export const exportTreeAction = opener('export-tree', 'tree');

/** Storage with the facts the front matter needs: 5 expansions, one call. */
const COPY_EXPANSIONS = 'body.storage,version,space,history,metadata.labels';

export const copyPageMarkdownAction: PageAction = {
  name: 'copy-page-markdown',
  operation: 'getContentById',
  async run({ client, credential, site, target }) {
    const read = await client.request({
      credential,
      site,
      operation: 'getContentById',
      pathParams: { id: target.context.contentId },
      query: { expand: COPY_EXPANSIONS },
      schema: exportContentSchema,
    });
    if (!read.ok) return { ok: false, failure: toActionFailure(read.failure) };
    const page = toExportPage(read.data, site);
    if (page.bodies.storage === undefined) {
      return { ok: false, failure: { class: 'unsupported-operation', message: `“${page.title}” has no storage body to convert.`, fix: 'Open the Export page and choose another format.' } };
    }
    const converted = storageToMarkdown(page.bodies.storage, {
      siteUrl: page.siteUrl,
      ...(page.spaceKey ? { spaceKey: page.spaceKey } : {}),
      pageUrl: page.webUrl,
      // Outside a bundle, attachments are links to the page's files on the site.
      resolveAttachment: (ref) => siteAttachmentUrl(page, ref.filename),
    });
    const meta = pageFrontMatter(page, converted.statuses);
    const placeholders = converted.unconverted.length;
    return {
      ok: true,
      sentence: `Copied “${page.title}” as Markdown${placeholders > 0 ? ` (${placeholders} macro${placeholders === 1 ? '' : 's'} as placeholders)` : ''}.`,
      copy: { kind: 'page-markdown', text: `${meta}\n${converted.markdown}` },
    };
  },
};
