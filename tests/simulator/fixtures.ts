// The simulator's world: sites, users, (fake) tokens, spaces, content. Tests import ids, hosts and
// secrets from here. All people, e-mails, sites and secrets are invented; no secret starts with "ATATT".
import { diagramPng } from './sample-files';
import type { SimTokenSpec, SimUser } from './types';

export interface SimSite {
  host: string;
  cloudId: string;
  name: string;
  /** Initial anonymous-access switch (change at runtime with control.setAnonymousAccess). */
  anonymousAccess: boolean;
}

export const SIM_SITES = {
  acme: { host: 'acme.atlassian.net', cloudId: '3f2b6c1e-8d4a-4b7e-9c2d-5a1e0f7b9c01', name: 'Acme', anonymousAccess: false },
  globex: { host: 'globex.atlassian.net', cloudId: 'b7d0e2a4-1f3c-4e5a-8b6d-2c9f4a7e1d02', name: 'Globex', anonymousAccess: true },
  initech: { host: 'initech.atlassian.net', cloudId: 'e9a1c3f5-7b2d-4c6e-a8f0-1d3b5e7a9c03', name: 'Initech', anonymousAccess: false },
} satisfies Record<string, SimSite>;

export const SIM_GATEWAY_HOST = 'api.atlassian.com';
export const SIM_MEDIA_HOST = 'api.media.atlassian.com';

/** The Data Center server, with a context path. */
export const SIM_DC = {
  host: 'confluence.dc.test',
  contextPath: '/confluence',
  baseUrl: 'https://confluence.dc.test/confluence',
  anonymousAccess: false,
};

/**
 * Hosts the "Add a Data Center site" flow must refuse: an ordinary intranet home page on HTTPS
 * that is not Confluence (served by the simulator: no `ajs-*` meta tags, 404 for `/rest/api/...`),
 * and a name that does not resolve (`hostResolverRules` maps it to ~NOTFOUND, the Firefox proxy
 * fails its CONNECTs, `sim.fetch` rejects it like a DNS failure).
 */
export const SIM_OTHER_HOSTS = {
  notConfluence: 'www.example.test',
  unreachable: 'down.example.test',
} as const;

export const SIM_USERS = {
  alice: {
    key: 'alice',
    email: 'alice@example.com',
    displayName: 'Alice Example',
    publicName: 'alice',
    timeZone: 'Europe/Berlin',
    accountId: '712020:5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  },
  bob: {
    key: 'bob',
    email: 'bob@example.com',
    displayName: 'Bob Example',
    publicName: 'bob',
    timeZone: 'America/New_York',
    accountId: '712020:8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
  },
  carol: {
    key: 'carol',
    email: 'carol@example.com',
    displayName: 'Carol Example',
    publicName: 'carol',
    timeZone: 'Europe/London',
    username: 'carol',
    userKey: '8a7f80826b4f6c37016b4f6d1c2e0001',
  },
  /** Has an Atlassian account but no Confluence access on acme (see SIM_NO_CONFLUENCE_ACCESS). */
  dave: {
    key: 'dave',
    email: 'dave@example.com',
    displayName: 'Dave Example',
    publicName: 'dave',
    timeZone: 'Australia/Sydney',
    accountId: '712020:2f3e4d5c-6b7a-4980-a1b2-c3d4e5f60718',
  },
} satisfies Record<string, SimUser>;

/** Scope sets for scoped tokens (names as in the specs' x-atlassian-oauth2-scopes). */
export const SIM_SCOPES = {
  /** Everything the extension reads (Confluence, and Jira's `myself` for the health report), plus watching. */
  companion: [
    'read:content-details:confluence',
    'read:page:confluence',
    'read:attachment:confluence',
    'read:space:confluence',
    'read:watcher:confluence',
    'write:watcher:confluence',
    // Grantable since the 2026-12-01 revision of API-FACTS (v2 descendants).
    'read:hierarchical-content:confluence',
    // Jira's myself on the same token (classic scope; names in guesses.ts JIRA_MYSELF_SCOPE_SETS).
    'read:jira-user',
  ],
  pageOnly: ['read:page:confluence'],
  /** What an export reads, without `read:hierarchical-content:confluence`: v2 descendants fail the scope check, v1 descendant/page works. */
  exportWithoutTree: ['read:content-details:confluence', 'read:page:confluence', 'read:attachment:confluence', 'read:space:confluence'],
  /** Classic scope names: v1 accepts them on the gateway, v2 answers "scope does not match". */
  classicOnly: ['read:confluence-content.all', 'read:confluence-user', 'read:confluence-space.summary'],
};

const { acme, globex, initech } = SIM_SITES;

export const SIM_TOKENS = {
  /** Classic (unscoped) token of Alice, valid on all three Cloud sites. */
  aliceClassic: {
    name: 'aliceClassic',
    kind: 'classic',
    secret: 'SIMclassic-alice-Q7v2Lr9xKp3mWd8c',
    user: 'alice',
    sites: [acme.host, globex.host, initech.host],
  },
  /** Classic token of Bob, valid on acme only; Bob can't see restricted pages. */
  bobClassic: { name: 'bobClassic', kind: 'classic', secret: 'SIMclassic-bob-Zr4tY8uP1sNe6gHa', user: 'bob', sites: [acme.host] },
  /** Scoped token of Alice for acme and globex, with the companion scope set. */
  aliceScoped: {
    name: 'aliceScoped',
    kind: 'scoped',
    secret: 'SIMscoped-alice-Hb5nJ2kL8qRt0vXe',
    user: 'alice',
    sites: [acme.host, globex.host],
    scopes: SIM_SCOPES.companion,
  },
  /** Scoped token that can only read pages (v2 pages/{id}); everything else fails the scope check. */
  aliceScopedPageOnly: {
    name: 'aliceScopedPageOnly',
    kind: 'scoped',
    secret: 'SIMscoped-alice-page-Wc3dF6gH9jK2',
    user: 'alice',
    sites: [acme.host],
    scopes: SIM_SCOPES.pageOnly,
  },
  /** Scoped token that can export but lacks `read:hierarchical-content:confluence` (tree through v1). */
  aliceScopedNoTree: {
    name: 'aliceScopedNoTree',
    kind: 'scoped',
    secret: 'SIMscoped-alice-notree-Rq8sT1uV4w',
    user: 'alice',
    sites: [acme.host],
    scopes: SIM_SCOPES.exportWithoutTree,
  },
  /** Scoped token created with classic scope names only (works for v1 user/current, not v2). */
  aliceScopedClassicScopes: {
    name: 'aliceScopedClassicScopes',
    kind: 'scoped',
    secret: 'SIMscoped-alice-classic-Mn4bV7cX0z',
    user: 'alice',
    sites: [acme.host],
    scopes: SIM_SCOPES.classicOnly,
  },
  /** Classic token past its expiry date. */
  aliceExpiredClassic: {
    name: 'aliceExpiredClassic',
    kind: 'classic',
    secret: 'SIMclassic-alice-expired-T5yU8iO1',
    user: 'alice',
    sites: [acme.host, globex.host, initech.host],
    expiresAt: '2025-01-31T00:00:00.000Z',
  },
  /** Classic token revoked by its owner. */
  aliceRevokedClassic: {
    name: 'aliceRevokedClassic',
    kind: 'classic',
    secret: 'SIMclassic-alice-revoked-P3oI6uY9',
    user: 'alice',
    sites: [acme.host, globex.host, initech.host],
    revoked: true,
  },
  /** Classic token of Dave, who has no Confluence access on acme: user/current answers 403. */
  daveClassic: { name: 'daveClassic', kind: 'classic', secret: 'SIMclassic-dave-Fk2sL5pQ8wEr1tYu', user: 'dave', sites: [acme.host] },
  /** Data Center personal access token of Carol (Bearer). */
  carolPat: { name: 'carolPat', kind: 'dc-pat', secret: 'SIMpat-carol-NDE2ODc0OTQ1MjM0Ok0x', user: 'carol', sites: [SIM_DC.host] },
  /** Data Center PAT past its expiry date. */
  carolExpiredPat: {
    name: 'carolExpiredPat',
    kind: 'dc-pat',
    secret: 'SIMpat-carol-expired-MTIzNDU2Nzg5',
    user: 'carol',
    sites: [SIM_DC.host],
    expiresAt: '2025-01-31T00:00:00.000Z',
  },
  /** Data Center PAT its owner revoked (no expiry date: DC allows tokens without one). */
  carolPatRevoked: {
    name: 'carolPatRevoked',
    kind: 'dc-pat',
    secret: 'SIMpat-carol-revoked-OTg3NjU0MzIx',
    user: 'carol',
    sites: [SIM_DC.host],
    revoked: true,
  },
} satisfies Record<string, SimTokenSpec>;

export type SimTokenName = keyof typeof SIM_TOKENS;

export interface SimSpace {
  id: string;
  key: string;
  name: string;
  /** Host of the site (or the DC server). */
  site: string;
  /** Readable by the anonymous user where the site allows anonymous access. */
  public: boolean;
  type: 'global' | 'personal';
  homepageId: string;
  createdAt: string;
  authorKey: string;
  description: string;
}

export const SIM_SPACES = {
  eng: { id: '98305', key: 'ENG', name: 'Engineering', site: acme.host, public: false, type: 'global', homepageId: '1000001', createdAt: '2023-01-10T09:00:00.000Z', authorKey: 'alice', description: 'How we build things.' },
  docs: { id: '98306', key: 'DOCS', name: 'Documentation', site: acme.host, public: false, type: 'global', homepageId: '1000500', createdAt: '2023-02-01T09:00:00.000Z', authorKey: 'alice', description: 'Product documentation.' },
  mkt: { id: '98307', key: 'MKT', name: 'Marketing', site: acme.host, public: false, type: 'global', homepageId: '1000600', createdAt: '2023-03-01T09:00:00.000Z', authorKey: 'bob', description: 'Campaigns.' },
  /** The export fixture tree (export-fixtures.ts); its homepage is the tree's root. */
  exp: { id: '98308', key: 'EXP', name: 'Export Handbook', site: acme.host, public: false, type: 'global', homepageId: '7000001', createdAt: '2023-06-01T09:00:00.000Z', authorKey: 'alice', description: 'Pages for export tests.' },
  pub: { id: '131073', key: 'PUB', name: 'Globex Public', site: globex.host, public: true, type: 'global', homepageId: '2000001', createdAt: '2023-04-01T09:00:00.000Z', authorKey: 'alice', description: 'Open to everyone.' },
  priv: { id: '131074', key: 'PRIV', name: 'Globex Internal', site: globex.host, public: false, type: 'global', homepageId: '2000100', createdAt: '2023-04-02T09:00:00.000Z', authorKey: 'alice', description: 'Staff only.' },
  ops: { id: '163841', key: 'OPS', name: 'Operations', site: initech.host, public: false, type: 'global', homepageId: '3000001', createdAt: '2023-05-01T09:00:00.000Z', authorKey: 'alice', description: 'Runbooks.' },
  dev: { id: '65537', key: 'DEV', name: 'Development', site: SIM_DC.host, public: false, type: 'global', homepageId: '4000001', createdAt: '2022-06-01T09:00:00.000Z', authorKey: 'carol', description: 'Data Center space.' },
} satisfies Record<string, SimSpace>;

export type SimContentType = 'page' | 'blogpost' | 'whiteboard' | 'database' | 'folder';

export interface SimAttachment {
  id: string;
  title: string;
  mediaType: string;
  /** Media file id (UUID), distinct from the attachment id. */
  fileId: string;
  comment: string;
  createdAt: string;
  version: number;
  /** The bytes: text, or base64 for binary files... */
  text?: string;
  base64?: string;
  /** ...or `size` pseudo-random bytes made on demand from `seed` (generated trees: no memory held). */
  generated?: { size: number; seed: number };
}

/** A piece of a storage body put together at runtime: our own markup, or a shared sample (skipped when missing). */
export type StoragePart = { storage: string } | { sample: string };

export interface SimContent {
  id: string;
  type: SimContentType;
  site: string;
  spaceKey: string;
  title: string;
  parentId?: string;
  /** Position among siblings. */
  position: number;
  authorKey: string;
  createdAt: string;
  version: { number: number; when: string; byKey: string; message: string; minorEdit: boolean };
  labels: string[];
  attachments: SimAttachment[];
  /** A storage-format sample from ../shared/confluence-samples/storage (read at runtime). */
  storageSample?: string;
  /** An ADF sample from ../shared/confluence-samples/adf for atlas_doc_format. */
  adfSample?: string;
  /** Built-in storage body (used when there is no sample or it is missing). */
  storage?: string;
  /** Storage made of parts (own markup and shared samples), joined in order; wins over `storageSample`. */
  storageParts?: StoragePart[];
  /**
   * How view/export_view are rendered: 'simple' (default, bodies.ts' small renderer) or
   * 'confluence' (export-view.ts: Confluence's markup for macros, mentions, images, links).
   */
  rendering?: 'simple' | 'confluence';
  /** A hand-written ADF document for atlas_doc_format (wins over `adfSample`). */
  adfDoc?: Record<string, unknown>;
  /** Only these users (SIM_USERS keys) may view it. */
  restrictedTo?: string[];
  /** Its HTML page carries links that navigate with history.pushState. */
  spa?: boolean;
}

// A 1×1 transparent PNG.
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The attachments of "DC Home" (4000001), which its storage body shows and links to. */
export const SIM_DC_ATTACHMENTS = {
  diagram: {
    id: 'att4000011',
    title: 'dc-diagram.png',
    mediaType: 'image/png',
    // Data Center has no media service; the field is only the simulator's own index key.
    fileId: '4d0c0001-0000-4000-8000-00000000d1a9',
    comment: 'Deployment diagram',
    // modificationDate=1712000000000 in `_links.download`.
    createdAt: new Date(1712000000000).toISOString(),
    version: 1,
    base64: diagramPng().toString('base64'),
  },
  notes: {
    id: 'att4000012',
    title: 'dc-notes.txt',
    mediaType: 'text/plain',
    fileId: '4d0c0002-0000-4000-8000-0000000070e5',
    comment: '',
    createdAt: new Date(1712000060000).toISOString(),
    version: 1,
    text: 'Data Center notes: attachments come through the download servlet, with the PAT.\n',
  },
} satisfies Record<string, SimAttachment>;

const DC_HOME_STORAGE =
  '<p>This is <strong>DC Home</strong>, the home page of the Data Center space.</p>' +
  '<ac:structured-macro ac:name="info" ac:schema-version="1"><ac:rich-text-body><p>Simulated Data Center content.</p></ac:rich-text-body></ac:structured-macro>' +
  `<p><ac:image><ri:attachment ri:filename="${SIM_DC_ATTACHMENTS.diagram.title}"/></ac:image></p>` +
  `<p>Notes: <ac:link><ri:attachment ri:filename="${SIM_DC_ATTACHMENTS.notes.title}"/><ac:plain-text-link-body><![CDATA[${SIM_DC_ATTACHMENTS.notes.title}]]></ac:plain-text-link-body></ac:link></p>` +
  '<ul><li>First point</li><li>Second point</li></ul>';

/** A page with the fixtures' defaults (alice's, version 3 by bob, no labels or attachments). */
export function fixturePage(
  id: string,
  site: string,
  spaceKey: string,
  title: string,
  extra: Partial<SimContent> = {},
): SimContent {
  return {
    id,
    type: 'page',
    site,
    spaceKey,
    title,
    position: 0,
    authorKey: 'alice',
    createdAt: '2024-01-15T10:00:00.000Z',
    version: { number: 3, when: '2024-06-01T12:30:00.000Z', byKey: 'bob', message: 'Tidied up', minorEdit: false },
    labels: [],
    attachments: [],
    ...extra,
  };
}

export const SIM_PAGES = {
  engHome: fixturePage('1000001', acme.host, 'ENG', 'Engineering Home', {
    labels: ['home'],
    storageSample: 'md2conf-basic-formatting.xml',
    version: { number: 7, when: '2024-05-20T08:00:00.000Z', byKey: 'alice', message: '', minorEdit: false },
  }),
  /** Tiny link /wiki/x/LIQHD. */
  releaseNotes: fixturePage('201819180', acme.host, 'ENG', 'Release Notes', {
    parentId: '1000001',
    position: 0,
    labels: ['release', 'notes'],
    storageSample: 'md2conf-status-lozenges.xml',
  }),
  architecture: fixturePage('1000002', acme.host, 'ENG', 'Architecture', {
    parentId: '1000001',
    position: 1,
    labels: ['design'],
    storageSample: 'confluencebuilder-tables-colspan-rowspan.xml',
    attachments: [
      { id: 'att1000010', title: 'diagram.png', mediaType: 'image/png', fileId: 'c4a1e2b3-5d6f-4a7b-8c9d-0e1f2a3b4c5d', comment: 'Overview diagram', createdAt: '2024-02-01T10:00:00.000Z', version: 2, base64: PNG_1X1 },
      { id: 'att1000011', title: 'notes.txt', mediaType: 'text/plain', fileId: 'd5b2f3c4-6e7a-4b8c-9d0e-1f2a3b4c5d6e', comment: '', createdAt: '2024-02-02T10:00:00.000Z', version: 1, text: 'Architecture notes: keep the token in the background.\n' },
      { id: 'att1000012', title: 'spec.txt', mediaType: 'text/plain', fileId: 'e6c3a4d5-7f8b-4c9d-8e1f-2a3b4c5d6e7f', comment: 'Spec draft', createdAt: '2024-02-03T10:00:00.000Z', version: 1, text: 'Spec v1\n' },
    ],
  }),
  storageLayer: fixturePage('1000003', acme.host, 'ENG', 'Storage Layer', { parentId: '1000002', position: 0, storageSample: 'mark-codes.xml' }),
  apiDesign: fixturePage('1000004', acme.host, 'ENG', 'API Design', { parentId: '1000002', position: 1, storageSample: 'pchuri-10-links.xml' }),
  pagination: fixturePage('1000005', acme.host, 'ENG', 'Pagination', { parentId: '1000004', position: 0 }),
  /** Id above 2^32; tiny link /wiki/x/D4BkcAE. Has a paired ADF sample. */
  onboarding: fixturePage('6180601871', acme.host, 'ENG', 'Onboarding Guide', {
    parentId: '1000001',
    position: 2,
    storageSample: 'atlcli-basic-paired.storage.xml',
    adfSample: 'atlcli-basic-paired.adf.json',
  }),
  /** Its HTML links navigate with history.pushState (single-page app behaviour). */
  spaStart: fixturePage('1000006', acme.host, 'ENG', 'SPA Start', { parentId: '1000001', position: 3, spa: true }),
  /** Only Alice may view it (Bob's token and the anonymous user get 404 / 403). */
  salaryBands: fixturePage('1000007', acme.host, 'ENG', 'Salary Bands', { parentId: '1000001', position: 4, restrictedTo: ['alice'] }),
  unicodeTitle: fixturePage('1000008', acme.host, 'ENG', 'Café & Crème — Ünïcode', { parentId: '1000001', position: 5 }),
  quarterlyUpdate: {
    ...fixturePage('1000100', acme.host, 'ENG', 'Quarterly Update', { createdAt: '2024-03-15T09:30:00.000Z', labels: ['news'] }),
    type: 'blogpost',
  },
  whiteboard: { ...fixturePage('1000200', acme.host, 'ENG', 'System Sketch', { parentId: '1000001', position: 6 }), type: 'whiteboard' },
  database: { ...fixturePage('1000300', acme.host, 'ENG', 'Component Inventory', { parentId: '1000001', position: 7 }), type: 'database' },
  folder: { ...fixturePage('1000400', acme.host, 'ENG', 'Archive', { parentId: '1000001', position: 8 }), type: 'folder' },
  docsHome: fixturePage('1000500', acme.host, 'DOCS', 'Docs Home', { storageSample: 'md2conf-panel-custom.xml' }),
  userGuide: fixturePage('1000501', acme.host, 'DOCS', 'User Guide', { parentId: '1000500', storageSample: 'confluencebuilder-lists-nested.xml' }),
  mktHome: fixturePage('1000600', acme.host, 'MKT', 'Marketing Home', { authorKey: 'bob' }),
  pubWelcome: fixturePage('2000001', globex.host, 'PUB', 'Public Welcome', { storageSample: 'pchuri-01-prose-and-entities.xml' }),
  pubFaq: fixturePage('2000002', globex.host, 'PUB', 'Public FAQ', {
    parentId: '2000001',
    attachments: [
      { id: 'att2000010', title: 'faq.txt', mediaType: 'text/plain', fileId: 'f7d4b5e6-8a9c-4d0e-9f1a-2b3c4d5e6f70', comment: '', createdAt: '2024-03-01T10:00:00.000Z', version: 1, text: 'Frequently asked questions.\n' },
    ],
  }),
  pubStaffOnly: fixturePage('2000003', globex.host, 'PUB', 'Staff Only', { parentId: '2000001', position: 1, restrictedTo: ['alice'] }),
  privPlans: fixturePage('2000100', globex.host, 'PRIV', 'Internal Plans'),
  opsRunbook: fixturePage('3000001', initech.host, 'OPS', 'Runbook', { storageSample: 'kafka-cwiki-eclipse-setup-27835336.xml' }),
  dcHome: fixturePage('4000001', SIM_DC.host, 'DEV', 'DC Home', {
    authorKey: 'carol',
    version: { number: 2, when: '2024-04-01T10:00:00.000Z', byKey: 'carol', message: '', minorEdit: false },
    storage: DC_HOME_STORAGE,
    attachments: [SIM_DC_ATTACHMENTS.diagram, SIM_DC_ATTACHMENTS.notes],
  }),
  dcChild: fixturePage('4000002', SIM_DC.host, 'DEV', 'DC Child', { parentId: '4000001', authorKey: 'carol', version: { number: 1, when: '2024-04-02T10:00:00.000Z', byKey: 'carol', message: '', minorEdit: false } }),
} satisfies Record<string, SimContent>;

/** Watch subscriptions the simulator starts with: `${host}|${userKey}|content:${id}` or `|space:${key}`. */
export const SIM_INITIAL_WATCHES: readonly string[] = [
  `${acme.host}|alice|content:1000001`,
  `${acme.host}|alice|space:ENG`,
  `${SIM_DC.host}|carol|content:4000001`,
];

/** `${host}|${userKey}` pairs without Confluence access at start (change with control.setConfluenceAccess). */
export const SIM_NO_CONFLUENCE_ACCESS: readonly string[] = [`${acme.host}|dave`];

/** `${host}|${userKey}` pairs without Jira product access at start (change with control.setJiraAccess). */
export const SIM_NO_JIRA_ACCESS: readonly string[] = [];

/** Built-in storage body for content without a sample (or when ../shared is missing). */
export function builtinStorage(title: string): string {
  return (
    `<p>This is <strong>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</strong>, a page of the Confluence simulator.</p>` +
    '<ac:structured-macro ac:name="info" ac:schema-version="1"><ac:rich-text-body><p>Simulated content.</p></ac:rich-text-body></ac:structured-macro>' +
    '<ul><li>First point</li><li>Second point</li></ul>'
  );
}
