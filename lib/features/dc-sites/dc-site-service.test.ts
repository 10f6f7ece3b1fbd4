import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../atlassian/client';
import type { DcProbeAnswer, DcProbeTarget } from '../../atlassian/client/dc-probe';
import { createDynamicContentScripts, type RegisteredScript, type ScriptingApi } from '../../core/content-scripts/dynamic-content-scripts';
import { createVersionedArea } from '../../core/storage/versioned-area';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { dcSitesAreaDefinition } from './dc-sites-area';
import { createDcSiteService } from './dc-site-service';
import { createDcSiteStore } from './dc-site-store';
import { DC_SCRIPT_ID_PREFIX, dcScriptId } from './dc-site-scripts';

function memoryArea(): StorageAreaLike {
  const data: Record<string, unknown> = {};
  return {
    async get(key) {
      const keys = typeof key === 'string' ? [key] : Array.isArray(key) ? key : Object.keys(data);
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    async remove(key) {
      for (const k of Array.isArray(key) ? key : [key]) delete data[k];
    },
  } as StorageAreaLike;
}

const BASE = 'https://confluence.example.com/confluence';
const ORIGIN = 'https://confluence.example.com';
const json = (status: number, body: unknown): DcProbeAnswer => ({ status, contentType: 'application/json', text: JSON.stringify(body) });
const page = (html: string): DcProbeAnswer => ({ status: 200, contentType: 'text/html;charset=UTF-8', text: html });
const CONFLUENCE_PAGE = page('<html><head><meta name="ajs-version-number" content="8.5.4"><meta name="ajs-context-path" content="/confluence"></head></html>');
type Answer = DcProbeAnswer | 'offline' | 'redirect';

function setup(options: { granted?: string[]; answers?: Partial<Record<DcProbeTarget, Answer>>; tokenOrigins?: string[]; refusal?: string } = {}) {
  const granted = new Set(options.granted ?? [ORIGIN]);
  const calls: string[] = [];
  const registered = new Map<string, RegisteredScript>();
  const scripting: ScriptingApi = {
    async registerContentScripts(scripts) {
      for (const s of scripts) {
        if (!granted.has(new URL(s.matches[0]!.replace('/*', '')).origin)) throw new Error('No host permission');
        registered.set(s.id, s);
      }
    },
    async unregisterContentScripts({ ids }) {
      for (const id of ids) registered.delete(id);
    },
    async getRegisteredContentScripts() {
      return [...registered.values()].map((s) => ({ id: s.id, matches: s.matches }));
    },
  };
  const menus: string[][] = [];
  const store = createDcSiteStore(createVersionedArea(memoryArea(), dcSitesAreaDefinition));
  const service = createDcSiteService({
    store,
    permissions: {
      contains: async (origin) => granted.has(origin),
      remove: async (origin) => (calls.push(`remove ${origin}`), granted.delete(origin)),
    },
    async probe(baseUrl, target): Promise<ApiResult<DcProbeAnswer>> {
      calls.push(`probe ${target} ${baseUrl}`);
      const answer = options.answers?.[target] ?? (target === 'rest' ? json(401, { statusCode: 401, message: 'Authentication failed' }) : CONFLUENCE_PAGE);
      if (answer === 'offline') return { ok: false, failure: { class: 'offline', message: 'Could not reach', fix: '' } };
      if (answer === 'redirect') return { ok: false, failure: { class: 'malformed-response', message: 'redirected', fix: '' } };
      return { ok: true, data: answer, status: answer.status, meta: {} as never };
    },
    scripts: createDynamicContentScripts(scripting, { idPrefix: DC_SCRIPT_ID_PREFIX, js: ['/content-scripts/content.js'] }),
    tokenOrigins: async () => options.tokenOrigins ?? [],
    onSitesChanged: async (sites) => void menus.push(sites.map((s) => s.baseUrl)),
    now: () => 1_000,
    onError: (what) => calls.push(`error ${what}`),
    policyRefusal: async () => options.refusal,
  });
  return { service, store, calls, registered, granted, menus };
}

describe('adding a Data Center site', () => {
  it('probes without credentials, saves it, registers its content script and remakes the menus', async () => {
    const { service, calls, registered, menus } = setup();
    const added = await service.add(' https://Confluence.example.com/confluence/ ');
    expect(added).toEqual({ ok: true, alreadyAdded: false, site: { baseUrl: BASE, addedAt: 1_000, lastSeenAt: null, version: '8.5.4' } });
    expect(calls).toEqual([`probe rest ${BASE}`, `probe page ${BASE}`]);
    expect(registered.get(dcScriptId(BASE))?.matches).toEqual([`${BASE}/*`]);
    expect(menus).toEqual([[BASE]]);
    expect(await service.statuses()).toEqual([{ site: added.ok && added.site, accessGranted: true, scriptRegistered: true }]);
  });

  it('Confluence JSON alone is proof enough (a login redirect hides the page)', async () => {
    const { service } = setup({ answers: { rest: json(200, { results: [], size: 0 }), page: 'redirect' } });
    expect(await service.add(BASE)).toMatchObject({ ok: true, site: { version: null } });
  });

  it.each<[string, Partial<Record<DcProbeTarget, Answer>>, string, RegExp]>([
    ['unreachable', { rest: 'offline' }, 'unreachable', /could not be reached.*Nothing was saved/],
    ['a web server that is not Confluence', { rest: { status: 404, contentType: 'text/html', text: '<h1>Not found</h1>' }, page: page('<title>Intranet</title>') }, 'not-confluence', /not as Confluence.*context path/],
    ['JSON that is not Confluence', { rest: json(200, { hello: 'world' }), page: page('<meta name="generator" content="x">') }, 'not-confluence', /not as Confluence/],
  ])('%s: refused with its sentence, nothing saved, the access given back', async (_name, answers, problem, sentence) => {
    const { service, store, calls, registered, granted } = setup({ answers });
    const added = await service.add(BASE);
    expect(added).toMatchObject({ ok: false, problem, sentence: expect.stringMatching(sentence) });
    expect(await store.list()).toEqual([]);
    expect(registered.size).toBe(0);
    expect(calls).toContain(`remove ${ORIGIN}`);
    expect(granted.has(ORIGIN)).toBe(false);
  });

  it('keeps the access a saved Data Center token needs, even when the address is refused', async () => {
    const { service, calls } = setup({ answers: { rest: 'offline' }, tokenOrigins: [ORIGIN] });
    expect((await service.add(BASE)).ok).toBe(false);
    expect(calls.filter((c) => c.startsWith('remove'))).toEqual([]);
  });

  it.each([
    ['http://confluence.example.com/confluence', /https:\/\//],
    ['https://acme.atlassian.net/wiki', /Atlassian Cloud/],
    ['https://confluence.example.com/c?x=1', /base address/],
    ['', /Enter the address/],
  ])('%s is refused before anything is asked or sent', async (input, sentence) => {
    const { service, calls } = setup();
    expect(await service.add(input)).toMatchObject({ ok: false, problem: 'address', sentence: expect.stringMatching(sentence) });
    expect(calls).toEqual([]);
  });

  it('a base URL the organisation leaves out: refused, nothing probed or saved, the access given back', async () => {
    const { service, store, calls, granted } = setup({ refusal: 'Not allowed (policy “allowedSites”).' });
    expect(await service.add(BASE)).toEqual({ ok: false, problem: 'not-allowed', sentence: 'Not allowed (policy “allowedSites”).' });
    expect(calls).toEqual([`remove ${ORIGIN}`]);
    expect(granted.has(ORIGIN)).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('without the access the browser gives, nothing is sent', async () => {
    const { service, calls } = setup({ granted: [] });
    expect(await service.add(BASE)).toMatchObject({ ok: false, problem: 'permission', sentence: expect.stringContaining(ORIGIN) });
    expect(calls).toEqual([]);
  });

  it('adding it again changes nothing and says so', async () => {
    const { service, calls } = setup();
    await service.add(BASE);
    calls.length = 0;
    expect(await service.add(BASE)).toMatchObject({ ok: true, alreadyAdded: true });
    expect(calls).toEqual([]);
  });
});

describe('removing a Data Center site', () => {
  it('unregisters its script and gives the access back; the menus follow', async () => {
    const { service, registered, granted, menus } = setup();
    await service.add(BASE);
    expect(await service.remove(BASE)).toEqual({ removed: true, accessRemoved: true });
    expect(registered.size).toBe(0);
    expect(granted.has(ORIGIN)).toBe(false);
    expect(menus.at(-1)).toEqual([]);
  });

  it('keeps the access while another site on the same origin or a token uses it', async () => {
    const { service, granted } = setup({ tokenOrigins: [] });
    await service.add(BASE);
    await service.add(`${ORIGIN}/wiki`);
    expect(await service.remove(BASE)).toEqual({ removed: true, accessRemoved: false });
    expect(granted.has(ORIGIN)).toBe(true);
  });

  it('a revoked origin: the site stays listed without access, its script cannot be registered', async () => {
    const { service, granted, registered, calls } = setup();
    await service.add(BASE);
    granted.delete(ORIGIN);
    registered.clear();
    const outcome = await service.syncScripts();
    expect(outcome.failed).toHaveLength(1);
    expect(calls.some((c) => c.startsWith('error Registering the content script'))).toBe(true);
    expect(await service.statuses()).toMatchObject([{ accessGranted: false, scriptRegistered: false }]);
  });
});
