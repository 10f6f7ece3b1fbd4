import { describe, expect, it } from 'vitest';
import { judgeProbe, looksLikeConfluenceRest, versionFromPage } from './dc-probe-judge';

const answer = (contentType: string, text: string, status = 200) => ({ status, contentType, text });

describe('is it Confluence?', () => {
  it('reads the version from a page with ajs-version-number, attributes in any order', () => {
    expect(versionFromPage('<meta name="ajs-version-number" content="8.5.4">')).toBe('8.5.4');
    expect(versionFromPage("<META content='9.2.1' NAME='ajs-version-number' />")).toBe('9.2.1');
    expect(versionFromPage('<meta name="ajs-version-number">')).toBeNull();
    expect(versionFromPage('<meta name="generator" content="WordPress">')).toBeUndefined();
  });

  it("takes Confluence's v1 JSON (results or its error envelope) as proof, nothing else", () => {
    expect(looksLikeConfluenceRest(answer('application/json', '{"results":[],"size":0}'))).toBe(true);
    expect(looksLikeConfluenceRest(answer('application/json;charset=UTF-8', '{"statusCode":401,"message":"Authentication failed"}', 401))).toBe(true);
    expect(looksLikeConfluenceRest(answer('text/html', '{"results":[]}'))).toBe(false);
    expect(looksLikeConfluenceRest(answer('application/json', '{"error":"nope"}'))).toBe(false);
    expect(looksLikeConfluenceRest(answer('application/json', 'not json'))).toBe(false);
    expect(looksLikeConfluenceRest(answer('application/json', '[1,2]'))).toBe(false);
  });

  it('either proof is enough; neither is not Confluence', () => {
    const confluencePage = answer('text/html', '<meta name="ajs-version-number" content="8.5.4">');
    const plainPage = answer('text/html', '<h1>Intranet</h1>');
    expect(judgeProbe(undefined, confluencePage)).toEqual({ confluence: true, version: '8.5.4' });
    expect(judgeProbe(answer('application/json', '{"results":[]}'), plainPage)).toEqual({ confluence: true, version: null });
    expect(judgeProbe(answer('text/html', 'Not found', 404), plainPage)).toEqual({ confluence: false });
    // A JSON body that happens to contain the tag text is not a page.
    expect(judgeProbe(undefined, answer('application/json', '"<meta name=\\"ajs-version-number\\" content=\\"1\\">"'))).toEqual({ confluence: false });
  });
});
