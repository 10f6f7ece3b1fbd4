// The export fixture tree on acme (space EXP): a root page whose storage body holds every
// construct the exporter must keep, three attachments (a real PNG, a text file, a PDF) and five
// descendants on three levels that link to each other. "Broken page" is the one tests make fail
// (`control.failContent(SIM_EXPORT.brokenId, { status })`).
//
// The root's storage is our own markup for the constructs tests check exactly, followed by
// sections of real pages from ../shared/confluence-samples (read at runtime, never copied; left
// out when the samples are missing). Its ADF is hand-written and mirrors our own markup only.
import { SIM_SITES, SIM_SPACES, SIM_USERS, fixturePage, type SimAttachment, type SimContent, type StoragePart } from './fixtures';
import { DIAGRAM_PNG_HEIGHT, DIAGRAM_PNG_WIDTH, diagramPng, minimalPdf } from './sample-files';

const host = SIM_SITES.acme.host;
const space = SIM_SPACES.exp;
const bob = SIM_USERS.bob;

export const SIM_EXPORT = {
  host,
  spaceKey: space.key,
  spaceId: space.id,
  rootId: space.homepageId,
  rootTitle: 'Export handbook',
  gettingStartedId: '7000002',
  installationId: '7000003',
  troubleshootingId: '7000004',
  /** Fails when read after `control.failContent(brokenId, { status })`. */
  brokenId: '7000005',
  referenceId: '7000006',
  /** The root's direct children, in tree order. */
  childIds: ['7000002', '7000006'],
  /** Every descendant of the root, depth-first in tree order. */
  descendantIds: ['7000002', '7000003', '7000004', '7000005', '7000006'],
  titles: {
    '7000001': 'Export handbook',
    '7000002': 'Getting started',
    '7000003': 'Installation',
    '7000004': 'Troubleshooting',
    '7000005': 'Broken page',
    '7000006': 'Reference',
  },
  attachmentIds: { diagram: 'att7000011', notes: 'att7000012', report: 'att7000013' },
  /** The user the root mentions (`<ri:user ri:account-id>`), a SIM_USERS key. */
  mentionedUser: 'bob',
} as const;

const ROOT = SIM_EXPORT.rootId;
const T = SIM_EXPORT.titles;
const pageUrl = (id: keyof typeof T): string => `https://${host}/wiki/spaces/${space.key}/pages/${id}/${encodeURIComponent(T[id]).replace(/%20/g, '+')}`;
/** A smart link as the Cloud editor stores it: a plain anchor to the page URL (it carries the id). */
const inlineCard = (id: keyof typeof T): string => `<a href="${pageUrl(id)}" data-card-appearance="inline">${pageUrl(id)}</a>`;
const linkByTitle = (title: string): string => `<ac:link><ri:page ri:content-title="${title}"/></ac:link>`;

/** C# with what breaks naive converters: generics in angle brackets, `&&`, and a `-->` inside code. */
export const EXPORT_CSHARP_CODE = `// Retries a call: attempt --> wait --> attempt
public static async Task<T> Retry<T>(Func<Task<T>> call, int attempts = 3)
{
    for (var i = 1; ; i++)
    {
        try { return await call(); }
        catch (HttpRequestException) when (i < attempts && attempts > 0) { await Task.Delay(1000 * i); }
    }
}`;
export const EXPORT_PLAIN_CODE = `curl -s "https://${host}/wiki/api/v2/pages?limit=1" | jq '.results[0].title'`;

const ROOT_OWN_STORAGE = `<p>This handbook is the simulator's export fixture: each construct an exporter must keep, then sections of real pages.</p>
<p>Owner: <ac:link><ri:user ri:account-id="${bob.accountId}"/></ac:link> · State: <ac:structured-macro ac:name="status" ac:schema-version="1" ac:macro-id="5c1e0f2a-0001-4a00-8000-000000000001"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">Done</ac:parameter></ac:structured-macro> <ac:emoticon ac:name="tick" ac:emoji-shortname=":check_mark:" ac:emoji-id="2705" ac:emoji-fallback="✅"/></p>
<h2>Code</h2>
<ac:structured-macro ac:name="code" ac:schema-version="1" ac:macro-id="5c1e0f2a-0002-4a00-8000-000000000002"><ac:parameter ac:name="language">c#</ac:parameter><ac:parameter ac:name="title">Retry.cs</ac:parameter><ac:plain-text-body><![CDATA[${EXPORT_CSHARP_CODE}]]></ac:plain-text-body></ac:structured-macro>
<ac:structured-macro ac:name="code" ac:schema-version="1" ac:macro-id="5c1e0f2a-0003-4a00-8000-000000000003"><ac:plain-text-body><![CDATA[${EXPORT_PLAIN_CODE}]]></ac:plain-text-body></ac:structured-macro>
<h2>Tasks</h2>
<ac:task-list>
<ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Export the page tree</ac:task-body></ac:task>
<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Check the attachments</ac:task-body></ac:task>
</ac:task-list>
<h2>Panels</h2>
<ac:structured-macro ac:name="info" ac:schema-version="1" ac:macro-id="5c1e0f2a-0004-4a00-8000-000000000004"><ac:parameter ac:name="title">Before you start</ac:parameter><ac:rich-text-body><p>Exports are read-only: every call is a GET.</p></ac:rich-text-body></ac:structured-macro>
<ac:structured-macro ac:name="note" ac:schema-version="1" ac:macro-id="5c1e0f2a-0005-4a00-8000-000000000005"><ac:rich-text-body><p>Large trees take a while.</p></ac:rich-text-body></ac:structured-macro>
<ac:structured-macro ac:name="warning" ac:schema-version="1" ac:macro-id="5c1e0f2a-0006-4a00-8000-000000000006"><ac:rich-text-body><p>Never send the token to the media host.</p></ac:rich-text-body></ac:structured-macro>
<h2>Details</h2>
<ac:structured-macro ac:name="expand" ac:schema-version="1" ac:macro-id="5c1e0f2a-0007-4a00-8000-000000000007"><ac:parameter ac:name="title">Why storage and not export_view</ac:parameter><ac:rich-text-body><p>Storage keeps macro parameters such as code languages; export_view has resolved names.</p></ac:rich-text-body></ac:structured-macro>
<h2>Releases</h2>
<table data-layout="default"><colgroup><col style="width: 120.0px;"/><col style="width: 120.0px;"/><col style="width: 240.0px;"/></colgroup><tbody>
<tr><th><p><strong>Version</strong></p></th><th><p><strong>Date</strong></p></th><th><p><strong>Notes</strong></p></th></tr>
<tr><td><p>1.0</p></td><td><p>27 Mar</p></td><td><p>First release<br/>with export</p></td></tr>
<tr><td><p>1.1</p></td><td colspan="2"><p>Planned: tree export and bundles</p></td></tr>
</tbody></table>
<h2>Diagram</h2>
<p><ac:image><ri:attachment ri:filename="diagram.png"/></ac:image></p>
<p>Files: <ac:link><ri:attachment ri:filename="notes.txt"/></ac:link> and <ac:link><ri:attachment ri:filename="report.pdf"/><ac:plain-text-link-body><![CDATA[the report (PDF)]]></ac:plain-text-link-body></ac:link>.</p>
<h2>Pages</h2>
<ul><li>${linkByTitle(T['7000002'])}</li><li><ac:link><ri:page ri:space-key="${space.key}" ri:content-title="${T['7000006']}"/><ac:link-body>The <strong>reference</strong></ac:link-body></ac:link></li><li>${inlineCard('7000006')}</li></ul>
<h2>Architecture (draw.io)</h2>
<ac:structured-macro ac:name="drawio" ac:schema-version="1" data-layout="default" ac:macro-id="5c1e0f2a-0008-4a00-8000-000000000008"><ac:parameter ac:name="diagramName">export-flow</ac:parameter><ac:parameter ac:name="simpleViewer">false</ac:parameter><ac:parameter ac:name="width">600</ac:parameter><ac:parameter ac:name="revision">3</ac:parameter></ac:structured-macro>
<h2>From real pages</h2>
`;

/** Real pages by others (see ../shared/confluence-samples/PROVENANCE.md), appended in this order. */
export const EXPORT_ROOT_SAMPLES = [
  'mark-quotes-admonitions.xml',
  'pchuri-03-expand-and-anchor.xml',
  'atlcli-basic-paired.storage.xml',
  'pchuri-04-code-and-mermaid.xml',
  'confluencebuilder-tables-colspan-rowspan.xml',
] as const;

const ROOT_STORAGE: StoragePart[] = [{ storage: ROOT_OWN_STORAGE }, ...EXPORT_ROOT_SAMPLES.map((sample) => ({ sample }))];

const text = (t: string, marks?: Array<Record<string, unknown>>): Record<string, unknown> => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const para = (...content: Array<Record<string, unknown>>): Record<string, unknown> => ({ type: 'paragraph', content });
const heading = (t: string): Record<string, unknown> => ({ type: 'heading', attrs: { level: 2 }, content: [text(t)] });
const cell = (type: 'tableHeader' | 'tableCell', content: Array<Record<string, unknown>>, colspan?: number): Record<string, unknown> => ({
  type,
  attrs: colspan ? { colspan } : {},
  content: [para(...content)],
});

const DIAGRAM_FILE_ID = 'a1f0c2d3-7000-4011-8000-00000000d1a9';
const NOTES_FILE_ID = 'b2e1d3c4-7000-4012-8000-0000000070e5';
const REPORT_FILE_ID = 'c3d2e4f5-7000-4013-8000-00000000e90f';
const download = (file: string, version: number, createdAt: string): string =>
  `https://${host}/wiki/download/attachments/${ROOT}/${file}?version=${version}&modificationDate=${Date.parse(createdAt)}&api=v2`;

// Storage panel macros map to ADF panel types as the editor converts them: info → info,
// note (yellow) → warning, warning (red) → error.
const ROOT_ADF: Record<string, unknown> = {
  type: 'doc',
  version: 1,
  content: [
    para(text("This handbook is the simulator's export fixture: each construct an exporter must keep, then sections of real pages.")),
    para(
      text('Owner: '),
      { type: 'mention', attrs: { id: bob.accountId, text: `@${bob.displayName}`, accessLevel: '' } },
      text(' · State: '),
      { type: 'status', attrs: { text: 'Done', color: 'green', localId: '5c1e0f2a-0001-4a00-8000-000000000001', style: '' } },
      text(' '),
      { type: 'emoji', attrs: { shortName: ':check_mark:', id: '2705', text: '✅' } },
    ),
    heading('Code'),
    { type: 'codeBlock', attrs: { language: 'c#' }, content: [text(EXPORT_CSHARP_CODE)] },
    { type: 'codeBlock', attrs: {}, content: [text(EXPORT_PLAIN_CODE)] },
    heading('Tasks'),
    {
      type: 'taskList',
      attrs: { localId: 'export-tasks' },
      content: [
        { type: 'taskItem', attrs: { localId: '1', state: 'DONE' }, content: [text('Export the page tree')] },
        { type: 'taskItem', attrs: { localId: '2', state: 'TODO' }, content: [text('Check the attachments')] },
      ],
    },
    heading('Panels'),
    { type: 'panel', attrs: { panelType: 'info' }, content: [para(text('Before you start', [{ type: 'strong' }])), para(text('Exports are read-only: every call is a GET.'))] },
    { type: 'panel', attrs: { panelType: 'warning' }, content: [para(text('Large trees take a while.'))] },
    { type: 'panel', attrs: { panelType: 'error' }, content: [para(text('Never send the token to the media host.'))] },
    heading('Details'),
    { type: 'expand', attrs: { title: 'Why storage and not export_view' }, content: [para(text('Storage keeps macro parameters such as code languages; export_view has resolved names.'))] },
    heading('Releases'),
    {
      type: 'table',
      attrs: { isNumberColumnEnabled: false, layout: 'default' },
      content: [
        { type: 'tableRow', content: [cell('tableHeader', [text('Version', [{ type: 'strong' }])]), cell('tableHeader', [text('Date', [{ type: 'strong' }])]), cell('tableHeader', [text('Notes', [{ type: 'strong' }])])] },
        { type: 'tableRow', content: [cell('tableCell', [text('1.0')]), cell('tableCell', [text('27 Mar')]), cell('tableCell', [text('First release'), { type: 'hardBreak' }, text('with export')])] },
        { type: 'tableRow', content: [cell('tableCell', [text('1.1')]), cell('tableCell', [text('Planned: tree export and bundles')], 2)] },
      ],
    },
    heading('Diagram'),
    {
      type: 'mediaSingle',
      attrs: { layout: 'center' },
      content: [{ type: 'media', attrs: { type: 'file', id: DIAGRAM_FILE_ID, collection: `contentId-${ROOT}`, alt: 'diagram.png', width: DIAGRAM_PNG_WIDTH, height: DIAGRAM_PNG_HEIGHT } }],
    },
    para(
      text('Files: '),
      text('notes.txt', [{ type: 'link', attrs: { href: download('notes.txt', 1, '2024-03-02T10:00:00.000Z') } }]),
      text(' and '),
      text('the report (PDF)', [{ type: 'link', attrs: { href: download('report.pdf', 1, '2024-03-03T10:00:00.000Z') } }]),
      text('.'),
    ),
    heading('Pages'),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para({ type: 'inlineCard', attrs: { url: pageUrl('7000002') } })] },
        { type: 'listItem', content: [para(text('The '), text('reference', [{ type: 'strong' }, { type: 'link', attrs: { href: pageUrl('7000006') } }]))] },
        { type: 'listItem', content: [para({ type: 'inlineCard', attrs: { url: pageUrl('7000006') } })] },
      ],
    },
    heading('Architecture (draw.io)'),
    {
      type: 'extension',
      attrs: {
        extensionType: 'com.atlassian.confluence.macro.core',
        extensionKey: 'drawio',
        parameters: { macroParams: { diagramName: { value: 'export-flow' }, simpleViewer: { value: 'false' }, width: { value: '600' }, revision: { value: '3' } }, macroMetadata: { macroId: { value: '5c1e0f2a-0008-4a00-8000-000000000008' }, schemaVersion: { value: '1' }, title: 'draw.io Diagram' } },
        layout: 'default',
        localId: '5c1e0f2a-0008-4a00-8000-000000000008',
      },
    },
  ],
};

const ROOT_ATTACHMENTS: SimAttachment[] = [
  { id: SIM_EXPORT.attachmentIds.diagram, title: 'diagram.png', mediaType: 'image/png', fileId: DIAGRAM_FILE_ID, comment: 'Export flow', createdAt: '2024-03-01T10:00:00.000Z', version: 2, base64: diagramPng().toString('base64') },
  { id: SIM_EXPORT.attachmentIds.notes, title: 'notes.txt', mediaType: 'text/plain', fileId: NOTES_FILE_ID, comment: '', createdAt: '2024-03-02T10:00:00.000Z', version: 1, text: 'Export notes: attachments come through the media host, without credentials.\n' },
  { id: SIM_EXPORT.attachmentIds.report, title: 'report.pdf', mediaType: 'application/pdf', fileId: REPORT_FILE_ID, comment: 'Quarterly report', createdAt: '2024-03-03T10:00:00.000Z', version: 1, base64: minimalPdf('Export handbook report').toString('base64') },
];

// Dated before the other acme pages, so the site's "Recently updated" list stays as it was.
const version = (number: number, when: string): SimContent['version'] => ({ number, when, byKey: 'alice', message: '', minorEdit: false });
const exportPage = (id: keyof typeof T, extra: Partial<SimContent>): SimContent =>
  fixturePage(id, host, space.key, T[id], { createdAt: '2024-02-01T09:00:00.000Z', version: version(2, '2024-04-10T09:00:00.000Z'), rendering: 'confluence', ...extra });

export const SIM_EXPORT_PAGES = {
  root: exportPage('7000001', {
    labels: ['export', 'handbook'],
    version: { number: 5, when: '2024-04-12T15:45:00.000Z', byKey: 'bob', message: 'Added the release table', minorEdit: false },
    storageParts: ROOT_STORAGE,
    adfDoc: ROOT_ADF,
    attachments: ROOT_ATTACHMENTS,
  }),
  gettingStarted: exportPage('7000002', {
    parentId: ROOT,
    position: 0,
    labels: ['guide'],
    storage: `<p>Start here. Back to ${linkByTitle(T['7000001'])}; next: ${linkByTitle(T['7000003'])}.</p><p>See also ${inlineCard('7000006')}.</p>`,
  }),
  installation: exportPage('7000003', {
    parentId: '7000002',
    position: 0,
    storage: `<p>Part of ${linkByTitle(T['7000002'])}. If it fails, see ${linkByTitle(T['7000004'])}; the next page is ${linkByTitle(T['7000005'])}.</p><ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[npm ci && npm run build]]></ac:plain-text-body></ac:structured-macro>`,
  }),
  troubleshooting: exportPage('7000004', {
    parentId: '7000003',
    position: 0,
    storage: `<p>Back to ${linkByTitle(T['7000003'])}, or to the top: ${inlineCard('7000001')}.</p><ul><li>Check the token.</li><li>Check the site URL.</li></ul>`,
  }),
  broken: exportPage('7000005', {
    parentId: '7000002',
    position: 1,
    storage: `<p>Tests make this page fail to load. Its sibling is ${linkByTitle(T['7000003'])}.</p>`,
  }),
  reference: exportPage('7000006', {
    parentId: ROOT,
    position: 1,
    storage: `<p>See ${linkByTitle(T['7000002'])} first (also ${inlineCard('7000002')}).</p><table><tbody><tr><th><p>Term</p></th><th><p>Meaning</p></th></tr><tr><td><p>Storage</p></td><td><p>The XHTML Confluence keeps</p></td></tr></tbody></table>`,
  }),
} satisfies Record<string, SimContent>;
