/* eslint-disable @typescript-eslint/no-explicit-any */
// The export port against the Confluence simulator: the background as the service worker builds
// it, a page connected over a fake port, the simulator as the network.
import { describe, expect, it } from 'vitest';
import { SIM_EXPORT, SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../../../../tests/simulator/index';
import { useSimulator } from '../../../../tests/simulator/use-simulator';
import { createPortAsk } from '../../../core/messaging/port-ask';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../../testing/background';
import { fakePortChannel } from '../../../testing/fake-port';
import type { SenderLike } from '../../../core/messaging/sender-check';
import type { TokenFormInput } from '../../tokens/token-form-input';
import type { ExportPortRequests } from './port-requests';

const sim = useSimulator();
const { acme } = SIM_SITES;
const PAGE = SIM_PAGES.architecture;
const EXPORT_PAGE: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/export.html', tab: { id: 9, url: 'chrome-extension://ext-id/export.html' } };

async function setUp(input: Partial<TokenFormInput> = {}, sender = EXPORT_PAGE) {
  const bg = createTestBackground({ fetch: (url, init) => sim.fetch(url, init) });
  const added = (await bg.route(
    {
      type: 'tokens-add',
      input: { label: 'Work', kind: 'classic', email: SIM_USERS.alice.email, secret: SIM_TOKENS.aliceClassic.secret, expiresOn: '2025-06-08', sites: [acme.host], ...input },
    },
    OPTIONS_PAGE,
  )) as { ok: boolean; data?: { ok: boolean } };
  if (!added.ok || !added.data?.ok) throw new Error(`add failed: ${JSON.stringify(added)}`);
  await bg.deps.sites.cloudIdRead(acme.host, acme.cloudId, Date.now());
  const channels: Array<ReturnType<typeof fakePortChannel>> = [];
  const port = createPortAsk<ExportPortRequests>(() => {
    const channel = fakePortChannel(sender);
    channels.push(channel);
    bg.connect(channel.bg);
    return channel.page;
  });
  return { bg, ask: port.ask, port, channels };
}

describe('the export port', () => {
  it('reads a page with every body and its facts in one call, links on the site', async () => {
    const { ask } = await setUp();
    sim.clearLog();
    const answer = await ask('export-page', { host: acme.host, contentId: PAGE.id });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.page).toMatchObject({ id: PAGE.id, title: 'Architecture', spaceKey: 'ENG', labels: ['design'], siteUrl: `https://${acme.host}` });
    expect(answer.page.webUrl.startsWith(`https://${acme.host}/wiki/`)).toBe(true);
    expect(answer.page.bodies.storage).toContain('<table');
    expect(answer.page.bodies.exportView?.length).toBeGreaterThan(0);
    expect(answer.stats).toEqual({ calls: 1, rateLimited: 0 });
    expect(sim.log.filter((e) => e.path.startsWith(`/wiki/rest/api/content/${PAGE.id}`))).toHaveLength(1);
  });

  it('lists attachments, and hands the page a signed URL (no credential in it) for each file', async () => {
    const { ask } = await setUp();
    const listed = await ask('export-attachments', { host: acme.host, contentId: PAGE.id });
    expect(listed.ok && listed.attachments.map((a) => a.title)).toEqual(['diagram.png', 'notes.txt', 'spec.txt']);
    const file = await ask('export-file', { host: acme.host, contentId: PAGE.id, attachmentId: PAGE.attachments[1]!.id });
    expect(file.ok && file.file.kind).toBe('signed-url');
    if (!file.ok || file.file.kind !== 'signed-url') return;
    expect(new URL(file.file.url).host).toBe('api.media.atlassian.com');
    expect(file.file.url).not.toContain(SIM_TOKENS.aliceClassic.secret);
    const fetched = await sim.fetch(file.file.url);
    expect(await fetched.text()).toBe('Architecture notes: keep the token in the background.\n');
    for (const entry of sim.log.filter((e) => e.host === 'api.media.atlassian.com')) expect(entry.authKind).toBe('none');
  });

  it('a scoped token reads through the gateway; the page still gets site links', async () => {
    const { ask } = await setUp({ kind: 'scoped', secret: SIM_TOKENS.aliceScoped.secret });
    sim.clearLog();
    const answer = await ask('export-page', { host: acme.host, contentId: PAGE.id });
    expect(answer.ok && answer.page.webUrl.startsWith(`https://${acme.host}/wiki/`)).toBe(true);
    expect(sim.log.some((e) => e.host === 'api.atlassian.com')).toBe(true);
  });

  it('logs one summary entry for the export, not one per call', async () => {
    const { ask, bg } = await setUp();
    const before = bg.logged.length;
    await ask('export-page', { host: acme.host, contentId: PAGE.id });
    await ask('export-attachments', { host: acme.host, contentId: PAGE.id });
    const calls = bg.logged.length - before;
    await ask('export-done', { host: acme.host, rootId: PAGE.id, outcome: 'done', pages: 1, failed: 0, attachments: 3, calls: 5, rateLimited: 1, durationMs: 1200 });
    const added = bg.logged.slice(before);
    // Only the identity confirmation (a single call outside the export) and the summary.
    expect(added.filter((e) => e.operation !== 'getCurrentUser')).toEqual([
      expect.objectContaining({ operation: 'export', site: acme.host, tokenLabel: 'Work', note: 'Export: exported 1 page, 3 attachments, 5 calls, 1 rate-limit wait.' }),
    ]);
    expect(calls).toBeLessThanOrEqual(1);
  });

  it('a failed read is an answer with the failure, and is logged', async () => {
    const { ask, bg } = await setUp();
    const answer = await ask('export-page', { host: acme.host, contentId: '999999999' });
    expect(answer).toMatchObject({ ok: false, failure: { class: 'no-permission-or-not-found' } });
    expect(bg.logged.at(-1)).toMatchObject({ operation: 'getContentById', status: 404 });
  });

  it('no token for the site: a sentence, no call', async () => {
    const { ask } = await setUp();
    sim.clearLog();
    const answer = await ask('export-page', { host: 'globex.atlassian.net', contentId: PAGE.id });
    expect(answer).toMatchObject({ ok: false, failure: { class: 'no-token' } });
    expect(sim.log).toHaveLength(0);
  });

  it('refuses a content script and a request naming a URL', async () => {
    const fromPage = { id: 'ext-id', url: `https://${acme.host}/wiki/x`, frameId: 0, tab: { id: 3, url: `https://${acme.host}/wiki/x` } };
    const { ask } = await setUp({}, fromPage);
    await expect(ask('export-page', { host: acme.host, contentId: PAGE.id })).rejects.toMatchObject({ code: 'unauthorised-sender' });
    const second = await setUp();
    const loose = second.ask as unknown as (type: string, fields: object) => Promise<unknown>;
    await expect(loose('export-file', { host: acme.host, contentId: PAGE.id, attachmentId: 'att1', url: 'https://evil.example/' })).rejects.toMatchObject({ code: 'invalid-message' });
  });

  it('closing the page aborts what it asked for', async () => {
    const { port, channels } = await setUp();
    sim.control.setLatency?.(300);
    const pending = port.ask('export-page', { host: acme.host, contentId: PAGE.id });
    await new Promise((r) => setTimeout(r, 50));
    port.close();
    await expect(pending).rejects.toMatchObject({ code: 'no-reply' });
    expect(channels).toHaveLength(1);
    sim.control.setLatency?.(0);
  });
});

describe('the export actions, run by the page-actions dispatcher', () => {
  const ROOT = SIM_EXPORT.rootId;
  const rootUrl = `https://${acme.host}/wiki/spaces/${SIM_EXPORT.spaceKey}/pages/${ROOT}/Export+handbook`;

  async function onRootTab() {
    const { bg } = await setUp();
    const context = { kind: 'content', host: acme.host, contentId: ROOT, contentType: 'page', view: 'view', spaceKey: SIM_EXPORT.spaceKey };
    await bg.route({ type: 'page-seen', host: acme.host, context }, bg.openTab(5, rootUrl));
    const run = async (action: string) => ((await bg.route({ type: 'action-run', action, tabId: 5 }, POPUP)) as { data: any }).data;
    return { bg, run };
  }

  it('Copy page as Markdown converts in the background (no DOM there): front matter, code language, tasks', async () => {
    const { run } = await onRootTab();
    const result = await run('copy-page-markdown');
    expect(result).toMatchObject({ ok: true, copy: { kind: 'page-markdown' } });
    expect(result.copy.text.startsWith('---\ntitle: "Export handbook"\n')).toBe(true);
    expect(result.copy.text).toMatch(/^```c# title="Retry.cs"$/m);
    expect(result.copy.text).toMatch(/^- \[x\] /m);
    expect(result.sentence).toMatch(/^Copied “Export handbook” as Markdown \(\d+ macros? as placeholders\)\.$/);
  });

  it('Export page… and Export page tree… open the Export page for the tab’s page, from the background', async () => {
    const { bg, run } = await onRootTab();
    expect(await run('export-tree')).toMatchObject({ ok: true, export: { host: acme.host, contentId: ROOT, scope: 'tree' } });
    expect(bg.shown.opened).toEqual([`chrome-extension://ext-id/export.html?site=${acme.host}&page=${ROOT}&scope=tree`]);
  });
});
