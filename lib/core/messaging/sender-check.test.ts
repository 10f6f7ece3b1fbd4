import { describe, expect, it } from 'vitest';
import { checkContentScriptSender, checkExtensionPageSender, isBackgroundSender, type SenderLike } from './sender-check';

const extension = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const HOST = 'acme.atlassian.net';
const PAGE = `https://${HOST}/wiki/spaces/ENG/pages/123`;

const contentSender = (patch: Partial<SenderLike> = {}): SenderLike => ({
  id: 'ext-id',
  url: PAGE,
  origin: `https://${HOST}`,
  frameId: 0,
  tab: { id: 5, url: PAGE },
  ...patch,
});

describe('checkContentScriptSender', () => {
  it('accepts this extension’s content script in the top frame of a tab on the reported host', () => {
    expect(checkContentScriptSender(contentSender(), extension, HOST)).toEqual({
      ok: true,
      sender: { kind: 'content-script', tabId: 5, url: PAGE },
    });
  });

  it('takes the page URL from the tab: sender.url keeps the URL from before single-page navigation', () => {
    const moved = `https://${HOST}/wiki/spaces/ENG/pages/456`;
    expect(checkContentScriptSender(contentSender({ tab: { id: 5, url: moved } }), extension, HOST)).toEqual({
      ok: true,
      sender: { kind: 'content-script', tabId: 5, url: moved },
    });
  });

  it('accepts without the optional url and origin', () => {
    expect(checkContentScriptSender(contentSender({ url: undefined, origin: undefined }), extension, HOST)).toEqual({
      ok: true,
      sender: { kind: 'content-script', tabId: 5, url: PAGE },
    });
  });

  it.each<[string, Partial<SenderLike>, string]>([
    ['another extension', { id: 'other-ext' }, HOST],
    ['no extension id', { id: undefined }, HOST],
    ['a user script', { userScriptWorldId: 'w' }, HOST],
    ['no tab (an extension page)', { tab: undefined, url: 'chrome-extension://ext-id/popup.html' }, HOST],
    ['a tab without id', { tab: { url: PAGE } }, HOST],
    ['a negative tab id', { tab: { id: -1, url: PAGE } }, HOST],
    ['a child frame', { frameId: 3 }, HOST],
    ['an unknown frame', { frameId: undefined }, HOST],
    ['a tab whose URL is withheld', { tab: { id: 5 } }, HOST],
    ['a tab on another site than reported', {}, 'other.atlassian.net'],
    ['a tab not on Atlassian', { tab: { id: 5, url: 'https://example.com/' }, url: 'https://example.com/', origin: 'https://example.com' }, 'example.com'],
    ['a frame URL on another host', { url: 'https://other.atlassian.net/wiki' }, HOST],
    ['a frame URL that is not https', { url: `http://${HOST}/wiki` }, HOST],
    ['an origin of another host', { origin: 'https://other.atlassian.net' }, HOST],
    ['an opaque origin', { origin: 'null' }, HOST],
    ['a tab on a look-alike host', { tab: { id: 5, url: `https://${HOST}.evil.example/wiki` } }, HOST],
  ])('rejects %s', (_name, patch, reportedHost) => {
    const result = checkContentScriptSender(contentSender(patch), extension, reportedHost);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/\S/);
  });
});

describe('checkContentScriptSender on a Data Center site', () => {
  const BASE = 'https://confluence.example.com/confluence';
  const DC_PAGE = `${BASE}/display/DEV/Home`;
  const dcSender = (patch: Partial<SenderLike> = {}): SenderLike => ({
    id: 'ext-id',
    url: DC_PAGE,
    origin: 'https://confluence.example.com',
    frameId: 0,
    tab: { id: 7, url: DC_PAGE },
    ...patch,
  });

  it('accepts a page of the named server under its context path', () => {
    expect(checkContentScriptSender(dcSender(), extension, BASE)).toEqual({ ok: true, sender: { kind: 'content-script', tabId: 7, url: DC_PAGE } });
  });

  it.each<[string, Partial<SenderLike>]>([
    ['a tab outside the context path', { tab: { id: 7, url: 'https://confluence.example.com/jira/browse/X' } }],
    ['a tab on another server', { tab: { id: 7, url: 'https://evil.example.com/confluence/display/DEV' } }],
    ['a document on another server', { url: 'https://evil.example.com/confluence/x' }],
    ['another origin', { origin: 'https://evil.example.com' }],
    ['a child frame', { frameId: 2 }],
    ['a tab whose URL is withheld', { tab: { id: 7 } }],
  ])('rejects %s', (_name, patch) => {
    expect(checkContentScriptSender(dcSender(patch), extension, BASE).ok).toBe(false);
  });

  it('a Cloud page cannot claim to be a Data Center site, nor the reverse', () => {
    expect(checkContentScriptSender(contentSender(), extension, BASE).ok).toBe(false);
    expect(checkContentScriptSender(dcSender(), extension, HOST).ok).toBe(false);
  });
});

describe('checkExtensionPageSender', () => {
  it('accepts the toolbar popup (no tab)', () => {
    expect(checkExtensionPageSender({ id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, extension)).toEqual({
      ok: true,
      sender: { kind: 'extension-page', tabId: null },
    });
  });

  it('accepts the popup opened as a page in a tab', () => {
    const sender = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html?tabId=3', frameId: 0, tab: { id: 9, url: 'chrome-extension://ext-id/popup.html?tabId=3' } };
    expect(checkExtensionPageSender(sender, extension)).toEqual({ ok: true, sender: { kind: 'extension-page', tabId: 9 } });
  });

  it('accepts an extension tab whose URL is withheld when the sender is its top frame', () => {
    const sender = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', frameId: 0, tab: { id: 9 } };
    expect(checkExtensionPageSender(sender, extension)).toEqual({ ok: true, sender: { kind: 'extension-page', tabId: 9 } });
  });

  it('accepts Firefox extension URLs', () => {
    const firefox = { id: 'ctc@example.org', baseUrl: 'moz-extension://0b7c3f1e-0000-4000-8000-000000000000/' };
    expect(checkExtensionPageSender({ id: firefox.id, url: `${firefox.baseUrl}popup.html` }, firefox).ok).toBe(true);
  });

  it.each<[string, SenderLike]>([
    ['the content script', { id: 'ext-id', url: PAGE, frameId: 0, tab: { id: 5, url: PAGE } }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['another extension’s URL', { id: 'ext-id', url: 'chrome-extension://other/popup.html' }],
    ['a look-alike URL prefix', { id: 'ext-id', url: 'chrome-extension://ext-id.evil/popup.html' }],
    ['no URL', { id: 'ext-id' }],
    ['a user script', { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', userScriptWorldId: 'w' }],
    ['an extension page framed in a web page', { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', frameId: 2, tab: { id: 5, url: PAGE } }],
    ['a framed extension page whose tab URL is withheld', { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', frameId: 2, tab: { id: 5 } }],
  ])('rejects %s', (_name, sender) => {
    expect(checkExtensionPageSender(sender, extension).ok).toBe(false);
  });
});

describe('isBackgroundSender', () => {
  const worker: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/background.js', origin: 'chrome-extension://ext-id' };

  it('accepts Chrome’s service worker', () => {
    expect(isBackgroundSender(worker, extension)).toBe(true);
  });

  it('accepts it without the optional origin', () => {
    expect(isBackgroundSender({ id: 'ext-id', url: 'chrome-extension://ext-id/background.js' }, extension)).toBe(true);
  });

  it('accepts Firefox’s generated background page', () => {
    const firefox = { id: 'ctc@example.org', baseUrl: 'moz-extension://0b7c3f1e-0000-4000-8000-000000000000/' };
    const sender = { id: firefox.id, url: `${firefox.baseUrl}_generated_background_page.html`, origin: 'moz-extension://0b7c3f1e-0000-4000-8000-000000000000' };
    expect(isBackgroundSender(sender, firefox)).toBe(true);
  });

  it.each<[string, SenderLike]>([
    ['a content script', { id: 'ext-id', url: PAGE, origin: `https://${HOST}`, frameId: 0, tab: { id: 5, url: PAGE } }],
    ['the popup', { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html', origin: 'chrome-extension://ext-id' }],
    ['the options page in a tab', { id: 'ext-id', url: 'chrome-extension://ext-id/options.html', frameId: 0, tab: { id: 9 } }],
    ['the offscreen document', { id: 'ext-id', url: 'chrome-extension://ext-id/offscreen.html' }],
    ['the background’s URL with a query', { id: 'ext-id', url: 'chrome-extension://ext-id/background.js?x' }],
    ['a background URL in a tab', { ...worker, tab: { id: 5 } }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/background.js' }],
    ['another extension’s background URL', { id: 'ext-id', url: 'chrome-extension://other/background.js' }],
    ['a look-alike URL prefix', { id: 'ext-id', url: 'chrome-extension://ext-id.evil/background.js' }],
    ['no URL', { id: 'ext-id' }],
    ['no extension id', { url: 'chrome-extension://ext-id/background.js' }],
    ['a user script', { ...worker, userScriptWorldId: 'w' }],
    ['another origin', { ...worker, origin: `https://${HOST}` }],
  ])('rejects %s', (_name, sender) => {
    expect(isBackgroundSender(sender, extension)).toBe(false);
  });
});
