// The export job end to end, with a fake background (ExportSource), the real streaming zip read
// back with fflate, and the HTML side on jsdom: what a person finds in the file they save.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ActionFailure } from '../../../atlassian/failure-view';
import type { ExportAttachment, ExportFile, ExportPageData } from '../export-page-data';
import type { ExportManifest } from '../files/export-manifest';
import { createZipWriter } from '../files/zip-writer';
import { testDom } from '../html/testing';
import { domHtmlRenderer } from '../page/dom-html-renderer';
import type { ExportProgress } from '../tree/export-progress';
import type { ExportChoices } from './export-choices';
import { pageIdInUrl, runExport, type ExportJobDeps, type ExportJobResult } from './export-job';
import type { ExportSource, SourceAnswer, SourceTreeEntry } from './export-source';

const HOST = 'acme.atlassian.net';
const SITE = `https://${HOST}`;
const ADA = '557058:0a1b2c3d-ada';
// One DOM for the whole file: making a jsdom window is the slow part.
const env = { html: domHtmlRenderer(testDom().window) };

// ------------------------------------------------------------------ pages

function page(id: string, title: string, bodies: ExportPageData['bodies'], extra: Partial<ExportPageData> = {}): ExportPageData {
  return {
    id,
    type: 'page',
    title,
    spaceKey: 'ENG',
    spaceName: 'Engineering',
    version: 3,
    createdBy: 'Ada Lovelace',
    createdAt: '2025-01-02T09:00:00.000Z',
    updatedAt: '2025-02-03T10:00:00.000Z',
    updatedBy: 'Bob Example',
    labels: ['handbook'],
    siteUrl: SITE,
    webUrl: `${SITE}/wiki/spaces/ENG/pages/${id}/${encodeURIComponent(title).replace(/%20/g, '+')}`,
    ancestors: [],
    bodies,
    ...extra,
  };
}

const ROOT_STORAGE = [
  `<p>Welcome, <ac:link><ri:user ri:account-id="${ADA}"/></ac:link>.</p>`,
  // `-->` inside the code: an HTML parse would end a comment there.
  '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">c#</ac:parameter>',
  '<ac:plain-text-body><![CDATA[var ok = a --> b;\nConsole.WriteLine("<hi>");]]></ac:plain-text-body></ac:structured-macro>',
  '<ac:task-list>',
  '<ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Install the SDK</ac:task-body></ac:task>',
  '<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Read the guide</ac:task-body></ac:task>',
  '</ac:task-list>',
  '<p>Next: <ac:link><ri:page ri:content-title="Setup Guide"/></ac:link></p>',
  '<p><ac:image ac:alt="Diagram"><ri:attachment ri:filename="a.png"/></ac:image></p>',
  '<p>Notes: <ac:link><ri:attachment ri:filename="notes.txt"/></ac:link></p>',
].join('');

// export_view as Cloud renders it: the mention's display name, the image, a page link by URL.
const ROOT_VIEW = [
  `<p>Welcome, <a class="confluence-userlink user-mention" data-account-id="${ADA}" href="${SITE}/wiki/people/${ADA}?ref=confluence" data-linked-resource-type="userinfo">Ada Lovelace</a>.</p>`,
  '<pre>var ok = a --&gt; b;</pre>',
  `<p>Next: <a href="${SITE}/wiki/spaces/ENG/pages/101/Setup+Guide" data-linked-resource-id="101" data-linked-resource-type="page">Setup Guide</a></p>`,
  `<p><img class="confluence-embedded-image" alt="Diagram" src="${SITE}/wiki/download/thumbnails/100/a.png?width=760" data-image-src="${SITE}/wiki/download/attachments/100/a.png?version=1" data-linked-resource-default-alias="a.png" data-linked-resource-container-id="100"></p>`,
].join('');

const ROOT_ADF = JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Welcome' }] }] });

const root = page('100', 'Handbook', { storage: ROOT_STORAGE, exportView: ROOT_VIEW, adf: ROOT_ADF });
const setup = page('101', 'Setup Guide', {
  storage: [
    '<p>Up: <ac:link><ri:page ri:content-title="Handbook"/></ac:link></p>',
    '<p>Down: <ac:link ac:anchor="Step Two"><ri:page ri:content-title="Deep Dive"/><ac:plain-text-link-body><![CDATA[the second step]]></ac:plain-text-link-body></ac:link></p>',
    // Same title, another space: not the page in this tree.
    '<p>Elsewhere: <ac:link><ri:page ri:space-key="OPS" ri:content-title="Handbook"/></ac:link></p>',
    '<ac:structured-macro ac:name="drawio" ac:schema-version="1"><ac:parameter ac:name="diagramName">flow</ac:parameter></ac:structured-macro>',
  ].join(''),
  exportView: `<p>Up: <a href="${SITE}/wiki/spaces/ENG/pages/100/Handbook">Handbook</a></p>`,
  adf: ROOT_ADF,
});
const deep = page('102', 'Deep Dive', {
  storage: '<h2>Step Two</h2><p>Back to <ac:link><ri:page ri:content-title="setup guide"/></ac:link></p>',
  exportView: '<h2>Step Two</h2>',
  adf: ROOT_ADF,
});
const old = page('104', 'Old Notes', { storage: '<p>Kept for the record, in <ac:link><ri:page ri:content-title="Archive"/></ac:link>.</p>', exportView: '<p>Kept for the record.</p>', adf: ROOT_ADF });

const TREE: SourceTreeEntry[] = [
  { id: '101', title: 'Setup Guide', type: 'page', parentId: '100', depth: 1 },
  { id: '102', title: 'Deep Dive', type: 'page', parentId: '101', depth: 2 },
  { id: '103', title: 'Archive', type: 'folder', parentId: '100', depth: 1 },
  { id: '104', title: 'Old Notes', type: 'page', parentId: '103', depth: 2 },
];

// PNG signature and a few bytes: stored, not deflated, in the zip.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
const NOTES = 'notes notes notes notes notes notes notes notes\n';
const A_PNG: ExportAttachment = { id: 'att-a', title: 'a.png', mediaType: 'image/png', fileSize: PNG.length };
const NOTES_TXT: ExportAttachment = { id: 'att-n', title: 'notes.txt', mediaType: 'text/plain', fileSize: NOTES.length };
const MEDIA_A = 'https://api.media.atlassian.com/file/a/binary?token=signed';

// ------------------------------------------------------------------ the fake background

interface FakeSetup {
  pages?: ExportPageData[];
  tree?: SourceTreeEntry[] | ActionFailure;
  via?: 'v2-descendants' | 'v1-descendants';
  attachments?: Record<string, ExportAttachment[]>;
  files?: Record<string, ExportFile | ActionFailure>;
  media?: Record<string, () => Response>;
  failPages?: Record<string, ActionFailure>;
  /** 429s ridden out, by call (`page:101`, `file:att-a`…). */
  rateLimited?: Record<string, number>;
  /** Called as each call is made; a promise holds that call's answer until it settles. */
  onCall?: (key: string) => Promise<void> | void;
}

type FakeSource = ExportSource & { log: string[] };

const refused = (message: string): ActionFailure => ({ class: 'no-permission-or-not-found', message, fix: 'Ask for access to the page.' });

function fakeSource(s: FakeSetup = {}): FakeSource {
  const pages = new Map((s.pages ?? [root]).map((p) => [p.id, p]));
  const log: string[] = [];
  const call = async (key: string) => {
    log.push(key);
    await s.onCall?.(key);
    return { calls: 1, rateLimited: s.rateLimited?.[key] ?? 0 };
  };
  const fail = <T>(failure: ActionFailure, stats: SourceAnswer<T>['stats']): SourceAnswer<T> => ({ ok: false, failure, stats });
  return {
    log,
    async page(id) {
      const stats = await call(`page:${id}`);
      const found = pages.get(id);
      const failure = s.failPages?.[id] ?? (found ? undefined : refused(`There is no page ${id}.`));
      return failure || !found ? fail(failure!, stats) : { ok: true, page: found, stats };
    },
    async attachments(id) {
      const stats = await call(`attachments:${id}`);
      return { ok: true, attachments: s.attachments?.[id] ?? [], stats };
    },
    async file(_id, attachmentId) {
      const stats = await call(`file:${attachmentId}`);
      const file = s.files?.[attachmentId] ?? refused(`No file ${attachmentId}.`);
      return 'kind' in file ? { ok: true, file, stats } : fail(file, stats);
    },
    async tree(id) {
      const stats = await call(`tree:${id}`);
      const tree = s.tree ?? [];
      return Array.isArray(tree) ? { ok: true, via: s.via ?? 'v2-descendants', entries: tree, truncated: false, stats } : fail(tree, stats);
    },
    async fetchSigned(url, signal) {
      log.push(`fetch:${url}`);
      signal.throwIfAborted();
      const media = s.media?.[url];
      return media ? media() : new Response('gone', { status: 404 });
    },
  };
}

/** Root a.png through a signed URL, notes.txt as bytes (the background's small-file answer). */
const withAttachments = (extra: FakeSetup = {}): FakeSetup => ({
  attachments: { '100': [A_PNG, NOTES_TXT] },
  files: { 'att-a': { kind: 'signed-url', url: MEDIA_A, mediaType: 'image/png' }, 'att-n': { kind: 'bytes', base64: btoa(NOTES), mediaType: 'text/plain' } },
  media: { [MEDIA_A]: () => new Response(PNG) },
  ...extra,
});

const START = Date.parse('2025-03-01T10:00:00.000Z');

function depsFor(source: ExportSource, over: Partial<ExportJobDeps> = {}): ExportJobDeps & { progress: ExportProgress[] } {
  let t = START;
  const progress: ExportProgress[] = [];
  return {
    source,
    env,
    createZip: () => createZipWriter({ mtime: new Date(START) }),
    // Each reading of the clock moves it on 10 ms: durations are non-zero and repeatable.
    now: () => (t += 10),
    signal: new AbortController().signal,
    onProgress: (p) => progress.push(p),
    progress,
    ...over,
  };
}

const choose = (c: Partial<ExportChoices>): ExportChoices => ({ scope: 'page', formats: ['markdown'], attachments: false, ...c });

// ------------------------------------------------------------------ reading the result back

interface Unzipped {
  names: string[];
  text(name: string): string;
  bytes(name: string): Uint8Array;
  /** 0: stored, 8: deflated. */
  method(name: string): number | undefined;
}

async function unzipped(result: ExportJobResult): Promise<Unzipped> {
  expect(result.file?.blob.type).toBe('application/zip');
  const methods = new Map<string, number>();
  const files = unzipSync(new Uint8Array(await result.file!.blob.arrayBuffer()), {
    filter: (f) => {
      methods.set(f.name, f.compression);
      return true;
    },
  });
  const bytes = (name: string) => {
    const found = files[name];
    if (!found) throw new Error(`no ${name} in the zip; it has ${Object.keys(files).join(', ')}`);
    return found;
  };
  return { names: Object.keys(files).sort(), bytes, text: (name) => new TextDecoder().decode(bytes(name)), method: (name) => methods.get(name) };
}

async function textOf(result: ExportJobResult): Promise<string> {
  return result.file!.blob.text();
}

const manifestOf = (zip: Unzipped) => JSON.parse(zip.text('manifest.json')) as ExportManifest;

// ------------------------------------------------------------------ single page

describe('runExport: one page, one file', () => {
  it('writes Markdown with front matter, the code language, tasks, the mention by name and attachments as site URLs', async () => {
    const source = fakeSource();
    const result = await runExport(HOST, '100', choose({}), depsFor(source));
    expect(result).toMatchObject({ outcome: 'done', rootTitle: 'Handbook', pages: 1, failures: [], stats: { calls: 1, rateLimited: 0 } });
    expect(result.file!.name).toBe('ENG - Handbook.md');
    expect(result.file!.blob.type).toBe('text/markdown;charset=utf-8');
    const md = await textOf(result);
    expect(md.startsWith('---\n')).toBe(true);
    const meta = md.slice(0, md.indexOf('\n---\n', 4));
    expect(meta).toMatch(/^title: "?Handbook"?$/m);
    expect(meta).toMatch(/^id: "?100"?$/m);
    expect(meta).toMatch(/^version: 3$/m);
    expect(meta).toContain(root.webUrl);
    expect(meta).not.toContain('api.atlassian.com');
    expect(md).toContain('\n# Handbook\n');
    expect(md).toContain('```c#\nvar ok = a --> b;\nConsole.WriteLine("<hi>");\n```');
    expect(md).toContain('- [x] Install the SDK');
    expect(md).toContain('- [ ] Read the guide');
    // export_view resolved the account id to the name people know.
    expect(md).toContain('@Ada Lovelace');
    expect(md).not.toContain(ADA);
    expect(md).toContain(`![Diagram](${SITE}/wiki/download/attachments/100/a.png)`);
    expect(md).toContain(`[notes.txt](${SITE}/wiki/download/attachments/100/notes.txt)`);
    // Outside a tree, a page link goes to the page on the site.
    expect(md).toContain(`[Setup Guide](${SITE}/wiki/display/ENG/Setup+Guide)`);
    // One read: no attachments were asked for.
    expect(source.log).toEqual(['page:100']);
  });

  it('uses the page already read (no call at all), and writes ADF pretty-printed as one file', async () => {
    const source = fakeSource();
    const result = await runExport(HOST, '100', choose({ formats: ['adf'] }), depsFor(source, { rootPage: root }));
    expect(result.outcome).toBe('done');
    expect(result.file!.name).toBe('ENG - Handbook.adf.json');
    expect(await textOf(result)).toBe(`${JSON.stringify(JSON.parse(ROOT_ADF), null, 2)}\n`);
    expect(source.log).toEqual([]);
    expect(result.stats.calls).toBe(0);
  });

  it('fails with a sentence when the one chosen format has no body', async () => {
    const whiteboard = page('100', 'Board', { exportView: '<p>x</p>' });
    const result = await runExport(HOST, '100', choose({ formats: ['storage'] }), depsFor(fakeSource({ pages: [whiteboard] })));
    expect(result.outcome).toBe('failed');
    expect(result.file).toBeUndefined();
    expect(result.sentence).toBe('“Board” has no storage body to export.');
    expect(result.failures).toEqual([expect.objectContaining({ stage: 'conversion', id: '100' })]);
  });

  it('fails with the reason and the fix when the root page cannot be read', async () => {
    const failure = refused('Confluence says this page does not exist or the token may not see it.');
    const result = await runExport(HOST, '100', choose({ scope: 'tree' }), depsFor(fakeSource({ failPages: { '100': failure } })));
    expect(result.outcome).toBe('failed');
    expect(result.sentence).toBe(`${failure.message} ${failure.fix}`);
    expect(result.file).toBeUndefined();
    expect(result.failures).toEqual([{ stage: 'page', id: '100', reason: failure.message, fix: failure.fix }]);
  });

  it('fails with a sentence, rather than rejecting, when the background does not answer the root read', async () => {
    const source = fakeSource();
    source.page = () => Promise.reject(new Error('The extension’s background stopped answering.'));
    const result = await runExport(HOST, '100', choose({}), depsFor(source));
    expect(result.outcome).toBe('failed');
    expect(result.sentence).toContain('The extension’s background stopped answering.');
  });

  it('fails with a sentence, rather than rejecting, when a single file cannot be converted', async () => {
    const broken = { html: { users: () => new Map<string, string>(), document: () => { throw new Error('the sanitizer refused it'); } } };
    const result = await runExport(HOST, '100', choose({ formats: ['html'] }), depsFor(fakeSource(), { env: broken }));
    expect(result.outcome).toBe('failed');
    expect(result.sentence).toContain('the sanitizer refused it');
    expect(result.failures).toEqual([expect.objectContaining({ stage: 'conversion', id: '100' })]);
  });
});

describe('runExport: one page as a zip', () => {
  it('puts the attachments beside the page, links them there, stores the PNG and deflates the text', async () => {
    const source = fakeSource(withAttachments());
    const result = await runExport(HOST, '100', choose({ attachments: true }), depsFor(source));
    expect(result).toMatchObject({ outcome: 'done', pages: 1, attachments: 2, failures: [] });
    expect(result.file!.name).toBe('ENG - Handbook.zip');
    const zip = await unzipped(result);
    expect(zip.names).toEqual(['Handbook.md', 'attachments/a.png', 'attachments/notes.txt']);
    expect(zip.bytes('attachments/a.png')).toEqual(PNG);
    expect(zip.text('attachments/notes.txt')).toBe(NOTES);
    expect(zip.method('attachments/a.png')).toBe(0);
    expect(zip.method('attachments/notes.txt')).toBe(8);
    expect(zip.method('Handbook.md')).toBe(8);
    const md = zip.text('Handbook.md');
    expect(md).toContain('![Diagram](attachments/a.png)');
    expect(md).toContain('[notes.txt](attachments/notes.txt)');
    // The page's files are fetched a few at once: their calls may interleave.
    expect(source.log.slice(0, 2)).toEqual(['page:100', 'attachments:100']);
    expect([...source.log.slice(2)].sort()).toEqual([`fetch:${MEDIA_A}`, 'file:att-a', 'file:att-n'].sort());
    expect(source.log.indexOf(`fetch:${MEDIA_A}`)).toBeGreaterThan(source.log.indexOf('file:att-a'));
    expect(result.stats.calls).toBe(4);
  });

  it('writes the four formats side by side, the HTML with its image from the zip and the mention kept', async () => {
    const result = await runExport(HOST, '100', choose({ formats: ['adf', 'storage', 'html', 'markdown'], attachments: true }), depsFor(fakeSource(withAttachments())));
    expect(result.outcome).toBe('done');
    const zip = await unzipped(result);
    expect(zip.names).toEqual(['Handbook.adf.json', 'Handbook.html', 'Handbook.md', 'Handbook.storage.xml', 'attachments/a.png', 'attachments/notes.txt']);
    expect(zip.text('Handbook.storage.xml')).toBe(ROOT_STORAGE);
    expect(JSON.parse(zip.text('Handbook.adf.json'))).toEqual(JSON.parse(ROOT_ADF));
    const html = zip.text('Handbook.html');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('src="attachments/a.png"');
    expect(html).not.toContain('/download/thumbnails/');
    expect(html).toContain('Ada Lovelace');
    expect(html).not.toMatch(/<script/i);
    expect(zip.text('Handbook.md')).toContain('```c#');
  });

  it('four formats make a zip even without attachments, and nothing is asked about attachments', async () => {
    const source = fakeSource();
    const result = await runExport(HOST, '100', choose({ formats: ['markdown', 'html', 'storage', 'adf'] }), depsFor(source));
    const zip = await unzipped(result);
    expect(zip.names).toEqual(['Handbook.adf.json', 'Handbook.html', 'Handbook.md', 'Handbook.storage.xml']);
    // No attachment in the zip: the HTML image becomes a link, the Markdown one points at the site.
    expect(zip.text('Handbook.html')).not.toContain('<img');
    expect(zip.text('Handbook.md')).toContain(`${SITE}/wiki/download/attachments/100/a.png`);
    expect(source.log).toEqual(['page:100']);
  });

  it('lists an attachment whose media host answers 403 and writes the rest', async () => {
    const source = fakeSource(withAttachments({ media: { [MEDIA_A]: () => new Response('denied', { status: 403 }) } }));
    const result = await runExport(HOST, '100', choose({ attachments: true }), depsFor(source));
    expect(result.outcome).toBe('done');
    expect(result.attachments).toBe(1);
    expect(result.failures).toEqual([
      { stage: 'attachment', id: '100', title: 'Handbook', attachment: 'a.png', reason: 'The media host answered 403.', fix: 'Export again: the signed link may have expired.' },
    ]);
    const zip = await unzipped(result);
    expect(zip.names).toEqual(['Handbook.md', 'attachments/notes.txt']);
    expect(zip.text('attachments/notes.txt')).toBe(NOTES);
  });

  it('lists the formats a page has no body for and writes the others', async () => {
    const noAdf = page('100', 'Handbook', { storage: ROOT_STORAGE, exportView: ROOT_VIEW });
    const result = await runExport(HOST, '100', choose({ formats: ['markdown', 'adf', 'storage'] }), depsFor(fakeSource({ pages: [noAdf] })));
    expect(result.outcome).toBe('done');
    expect(result.failures).toEqual([{ stage: 'conversion', id: '100', title: 'Handbook', reason: 'It has no ADF body; that file was left out.' }]);
    const zip = await unzipped(result);
    expect(zip.names).toEqual(['Handbook.md', 'Handbook.storage.xml']);
  });
});

// ------------------------------------------------------------------ tree

const TREE_PAGES = [root, setup, deep, old];
const treeSetup = (extra: FakeSetup = {}): FakeSetup => withAttachments({ pages: TREE_PAGES, tree: TREE, ...extra });

describe('runExport: a page tree', () => {
  it('writes a folder per parent, relative links by title, index.md and manifest.json', async () => {
    const deps = depsFor(fakeSource(treeSetup()));
    const result = await runExport(HOST, '100', choose({ scope: 'tree', attachments: true }), deps);
    expect(result).toMatchObject({ outcome: 'done', rootTitle: 'Handbook', pages: 4, attachments: 2, failures: [], tree: 'v2-descendants' });
    expect(result.file!.name).toBe('ENG - Handbook (tree).zip');
    const zip = await unzipped(result);
    expect(zip.names).toEqual([
      'Handbook.md',
      'Handbook/Archive/Old Notes.md',
      'Handbook/Setup Guide.md',
      'Handbook/Setup Guide/Deep Dive.md',
      'Handbook/_attachments/a.png',
      'Handbook/_attachments/notes.txt',
      'index.md',
      'manifest.json',
    ]);
    expect(zip.bytes('Handbook/_attachments/a.png')).toEqual(PNG);

    const rootMd = zip.text('Handbook.md');
    expect(rootMd).toContain('[Setup Guide](Handbook/Setup%20Guide.md)');
    expect(rootMd).toContain('![Diagram](Handbook/_attachments/a.png)');
    const setupMd = zip.text('Handbook/Setup Guide.md');
    expect(setupMd).toContain('[Handbook](../Handbook.md)');
    // The anchor as the Markdown heading's GitHub slug, which is what the target file has.
    expect(setupMd).toContain('[the second step](Setup%20Guide/Deep%20Dive.md#step-two)');
    // A page of the same title in another space stays a link to the site.
    expect(setupMd).toContain(`[Handbook](${SITE}/wiki/display/OPS/Handbook)`);
    // A folder has no file of its own: a link to its title stays on the site.
    expect(zip.text('Handbook/Archive/Old Notes.md')).toContain(`[Archive](${SITE}/wiki/display/ENG/Archive)`);
    // Titles match as Confluence matches them, ignoring case.
    expect(zip.text('Handbook/Setup Guide/Deep Dive.md')).toContain('[setup guide](../Setup%20Guide.md)');

    const index = zip.text('index.md');
    expect(index).toContain('# Handbook');
    expect(index).toContain('4 pages exported.');
    expect(index).toContain('- [Handbook](Handbook.md)');
    expect(index).toContain('  - [Setup Guide](Handbook/Setup%20Guide.md)');
    expect(index).toContain('    - [Deep Dive](Handbook/Setup%20Guide/Deep%20Dive.md)');

    const manifest = manifestOf(zip);
    expect(manifest).toMatchObject({ generator: 'confluence-token-companion', site: HOST, root: { id: '100', title: 'Handbook' }, tree: 'v2-descendants', formats: ['markdown'], failures: [] });
    expect(manifest.pages.map((p) => [p.id, p.file, p.parentId, p.attachments])).toEqual([
      ['100', 'Handbook.md', undefined, 2],
      ['101', 'Handbook/Setup Guide.md', '100', 0],
      ['102', 'Handbook/Setup Guide/Deep Dive.md', '101', 0],
      ['104', 'Handbook/Archive/Old Notes.md', '103', 0],
    ]);
    expect(manifest.pages[1]).toMatchObject({ title: 'Setup Guide', version: 3, sourceUrl: setup.webUrl });
    expect(manifest.unconverted).toEqual([{ pageId: '101', macro: 'drawio', count: 1 }]);
    expect(result.unconverted).toEqual(manifest.unconverted);
    // 1 root read + 1 listing + 3 page reads + 4 attachment lists + 2 files.
    expect(result.stats.calls).toBe(11);
    expect(manifest.stats).toMatchObject({ pages: 4, calls: 11, rateLimited: 0 });
    // The manifest is written just before the export ends.
    expect(manifest.stats.durationMs).toBeGreaterThan(0);
    expect(manifest.stats.durationMs).toBeLessThanOrEqual(result.stats.durationMs);
    expect(new Date(manifest.exportedAt).getTime()).toBeGreaterThan(START);

    // Progress: every page counted, none failed.
    const last = deps.progress.at(-1)!;
    expect([last.done, last.total, last.failed]).toEqual([4, 4, 0]);
  });

  it('links pages by their bundle path in HTML too, with an HTML index', async () => {
    const result = await runExport(HOST, '100', choose({ scope: 'tree', formats: ['html'] }), depsFor(fakeSource(treeSetup({ via: 'v1-descendants' }))));
    expect(result.tree).toBe('v1-descendants');
    const zip = await unzipped(result);
    expect(zip.names).toContain('index.html');
    expect(zip.names).toContain('Handbook/Setup Guide.html');
    expect(zip.text('Handbook.html')).toContain('href="Handbook/Setup%20Guide.html"');
    expect(zip.text('Handbook/Setup Guide.html')).toContain('href="../Handbook.html"');
    expect(manifestOf(zip).tree).toBe('v1-descendants');
  });

  it('lists a page that fails mid-tree, in the result, the index and the manifest, and exports the rest', async () => {
    const failure = refused('Confluence refused page 102.');
    const deps = depsFor(fakeSource(treeSetup({ failPages: { '102': failure } })));
    const result = await runExport(HOST, '100', choose({ scope: 'tree' }), deps);
    expect(result.outcome).toBe('done');
    expect(result.pages).toBe(3);
    const expected = { stage: 'page', id: '102', title: 'Deep Dive', reason: failure.message, fix: failure.fix };
    expect(result.failures).toEqual([expected]);
    const zip = await unzipped(result);
    expect(zip.names).toEqual(['Handbook.md', 'Handbook/Archive/Old Notes.md', 'Handbook/Setup Guide.md', 'index.md', 'manifest.json']);
    const manifest = manifestOf(zip);
    expect(manifest.failures).toEqual([expected]);
    expect(manifest.pages.map((p) => p.id)).toEqual(['100', '101', '104']);
    expect(zip.text('index.md')).toContain('3 pages exported, 1 problem listed below.');
    expect(zip.text('index.md')).toContain('**Deep Dive**');
    const last = deps.progress.at(-1)!;
    expect([last.done, last.total, last.failed]).toEqual([4, 4, 1]);
  });

  it('lists a page whose read rejects (the background stopped answering), and exports the rest', async () => {
    const source = fakeSource(treeSetup());
    const read = source.page.bind(source);
    source.page = (id) => (id === '101' ? Promise.reject(new Error('No answer from the extension’s background.')) : read(id));
    const deps = depsFor(source);
    const result = await runExport(HOST, '100', choose({ scope: 'tree' }), deps);
    expect(result.outcome).toBe('done');
    expect(result.failures).toEqual([expect.objectContaining({ stage: 'page', id: '101', title: 'Setup Guide', reason: expect.stringContaining('No answer from the extension’s background.') })]);
    expect(result.pages).toBe(3);
    const last = deps.progress.at(-1)!;
    expect([last.done, last.total, last.failed]).toEqual([4, 4, 1]);
  });

  it('exports the root alone when the tree cannot be listed, and says so', async () => {
    const failure: ActionFailure = { class: 'missing-scope', message: 'The token lacks read:page:confluence.', fix: 'Add the scope.' };
    const result = await runExport(HOST, '100', choose({ scope: 'tree' }), depsFor(fakeSource(treeSetup({ tree: failure }))));
    expect(result.outcome).toBe('done');
    expect(result.pages).toBe(1);
    expect(result.tree).toBeUndefined();
    expect(result.failures).toEqual([{ stage: 'tree', id: '100', title: 'Handbook', reason: failure.message, fix: failure.fix }]);
    const zip = await unzipped(result);
    expect(zip.names).toEqual(['Handbook.md', 'index.md', 'manifest.json']);
    const manifest = manifestOf(zip);
    expect(manifest.tree).toBe('single');
    expect(manifest.failures).toEqual(result.failures);
    expect(zip.text('index.md')).toContain('The page tree');
    // With no tree, the link to the child goes to the site.
    expect(zip.text('Handbook.md')).toContain(`[Setup Guide](${SITE}/wiki/display/ENG/Setup+Guide)`);
  });

  it('lists a missing ADF body as a conversion failure and writes the other formats of that page', async () => {
    const noAdf = { ...deep, bodies: { storage: deep.bodies.storage, exportView: deep.bodies.exportView } };
    const result = await runExport(HOST, '100', choose({ scope: 'tree', formats: ['markdown', 'adf'] }), depsFor(fakeSource(treeSetup({ pages: [root, setup, noAdf, old] }))));
    expect(result.outcome).toBe('done');
    expect(result.pages).toBe(4);
    expect(result.failures).toEqual([{ stage: 'conversion', id: '102', title: 'Deep Dive', reason: 'It has no ADF body; that file was left out.' }]);
    const zip = await unzipped(result);
    expect(zip.names).toContain('Handbook/Setup Guide/Deep Dive.md');
    expect(zip.names).not.toContain('Handbook/Setup Guide/Deep Dive.adf.json');
    expect(zip.names).toContain('Handbook/Setup Guide.adf.json');
    expect(manifestOf(zip).failures).toEqual(result.failures);
  });

  it('sums the 429s of every answer into the result and the manifest, and counts each page’s own in the progress', async () => {
    const rateLimited = { 'page:100': 1, 'tree:100': 2, 'attachments:100': 1, 'page:101': 3, 'file:att-a': 1, 'page:104': 2 };
    const deps = depsFor(fakeSource(treeSetup({ rateLimited })), { initialConcurrency: 3, maxConcurrency: 3 });
    const result = await runExport(HOST, '100', choose({ scope: 'tree', attachments: true }), deps);
    expect(result.outcome).toBe('done');
    expect(result.stats.rateLimited).toBe(10);
    const zip = await unzipped(result);
    expect(manifestOf(zip).stats.rateLimited).toBe(10);
    // Pages run side by side: each page counts the 429s of its own calls, not its neighbours'.
    // The root read and the tree listing (3) come before any page starts.
    expect(deps.progress.at(-1)!.rateLimited).toBe(7);
  });

  it('cancelled mid-tree: no file, and no call reaches the background or the media host after the abort', async () => {
    const controller = new AbortController();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let atAbort = -1;
    const source: FakeSource = fakeSource(
      treeSetup({
        onCall: (key) => {
          // The first child's read is in flight; the root's attachment answer is held, then the export is cancelled.
          if (key === 'page:101') return held;
          if (key === 'file:att-a') {
            atAbort = source.log.length;
            controller.abort();
            return held;
          }
          return undefined;
        },
      }),
    );
    const result = await runExport(HOST, '100', choose({ scope: 'tree', attachments: true }), depsFor(source, { signal: controller.signal, initialConcurrency: 2 }));
    expect(result.outcome).toBe('cancelled');
    expect(result.file).toBeUndefined();
    expect(result.failures).toEqual([]);
    const seen = source.log.slice(0, atAbort);
    expect(seen).toEqual(expect.arrayContaining(['page:100', 'tree:100', 'attachments:100', 'page:101', 'file:att-a']));
    // The held answers come in after the abort: nothing more is asked.
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.log).toEqual(seen);
  });

  it('cancelled before it starts: nothing read, nothing made', async () => {
    const controller = new AbortController();
    controller.abort();
    const source = fakeSource(treeSetup());
    const result = await runExport(HOST, '100', choose({ scope: 'tree' }), depsFor(source, { signal: controller.signal, rootPage: root }));
    expect(result.outcome).toBe('cancelled');
    expect(result.file).toBeUndefined();
    expect(source.log).toEqual([]);
  });
});

describe('pageIdInUrl', () => {
  it('reads Cloud and Server page URLs', () => {
    expect(pageIdInUrl(new URL(`${SITE}/wiki/spaces/ENG/pages/101/Setup+Guide`))).toBe('101');
    expect(pageIdInUrl(new URL(`${SITE}/wiki/spaces/ENG/pages/101`))).toBe('101');
    expect(pageIdInUrl(new URL('https://wiki.example.org/pages/viewpage.action?pageId=55'))).toBe('55');
    expect(pageIdInUrl(new URL(`${SITE}/wiki/spaces/ENG/overview`))).toBeUndefined();
  });
});
