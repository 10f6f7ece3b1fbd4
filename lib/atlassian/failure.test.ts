import { describe, expect, it } from 'vitest';
import type { BaseKind, TokenKind } from './endpoints';
import { classifyResponse, inspectResponse, localClockTime, rateLimitedUntil, redirectedFailure, type ResponseFacts } from './failure';
import { FAILURE_CLASSES } from './failure-classes';
import type { OperationId } from './operations';
import { MIN_SERVER_WAIT_MS } from './retry-after';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const JSON_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8' };
const KNOWN_USER = JSON.stringify({
  type: 'known',
  accountId: '557058:0f1e2d3c-aaaa-bbbb-cccc-000000000001',
  accountType: 'atlassian',
  email: 'ada@example.com',
  publicName: 'Ada',
  displayName: 'Ada Example',
});

function facts(p: Partial<ResponseFacts> & { status: number }): ResponseFacts {
  return {
    headers: JSON_HEADERS,
    bodyText: '',
    operation: 'getCurrentUser' as OperationId,
    tokenKind: 'classic' as TokenKind,
    baseKind: 'site' as BaseKind,
    nowMs: NOW,
    ...p,
  };
}

describe('classifyResponse', () => {
  it('passes a real identity', () => {
    expect(classifyResponse(facts({ status: 200, bodyText: KNOWN_USER }))).toBeNull();
    expect(inspectResponse(facts({ status: 200, bodyText: KNOWN_USER }))).toMatchObject({ ok: true, json: { type: 'known' } });
  });

  it('missing-scope: 401 + FAILURE_CLIENT_SCOPE_CHECK names the spec scopes of the operation', () => {
    const f = classifyResponse(
      facts({
        status: 401,
        tokenKind: 'scoped',
        baseKind: 'gateway',
        operation: 'getContentWatchStatus',
        headers: { ...JSON_HEADERS, 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' },
        bodyText: '{"code":401,"message":"Unauthorized; scope does not match"}',
      }),
    );
    expect(f).toMatchObject({
      class: 'missing-scope',
      status: 401,
      scopes: { classic: ['read:confluence-content.summary'], granular: ['read:watcher:confluence'] },
    });
    expect(f?.message).toContain('read:watcher:confluence');
    expect(f?.fix).toContain('read:watcher:confluence');
  });

  it('missing-scope for the v2 tree is ordinary: scoped tokens can be given read:hierarchical-content:confluence', () => {
    const f = classifyResponse(
      facts({
        status: 401,
        tokenKind: 'scoped',
        baseKind: 'gateway',
        operation: 'getPageDescendantsV2',
        headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
        bodyText: '{"code":401,"message":"Unauthorized; scope does not match"}',
      }),
    );
    expect(f).toMatchObject({ class: 'missing-scope', scopes: { classic: [], granular: ['read:hierarchical-content:confluence'] } });
    expect(f?.message).not.toMatch(/cannot be given/);
    expect(f?.fix).toMatch(/^Create a new scoped token that includes read:hierarchical-content:confluence/);
    expect(f?.fix).not.toMatch(/classic API token/);
  });

  it('missing-scope from the body alone (header stripped by a proxy)', () => {
    const f = classifyResponse(
      facts({ status: 401, tokenKind: 'scoped', baseKind: 'gateway', bodyText: '{"code":401,"message":"Unauthorized; scope does not match"}' }),
    );
    expect(f?.class).toBe('missing-scope');
  });

  it('wrong-base-url: scoped token on the site URL (401)', () => {
    const f = classifyResponse(
      facts({
        status: 401,
        tokenKind: 'scoped',
        baseKind: 'site',
        headers: { 'Content-Type': 'text/plain' },
        bodyText: 'Basic authentication with passwords is deprecated. For more information, see: https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/',
      }),
    );
    expect(f).toMatchObject({ class: 'wrong-base-url', status: 401 });
    expect(f?.message).toMatch(/api\.atlassian\.com/);
  });

  it('a gateway 401 never says "classic token": the same neutral sentence whatever the kind (only the site probe decides)', () => {
    const refused = (tokenKind: TokenKind, headers: Record<string, string>) =>
      classifyResponse(facts({ status: 401, tokenKind, baseKind: 'gateway', headers, bodyText: '{"code":401,"message":"Unauthorized"}' }));
    const mismatch = { ...JSON_HEADERS, 'X-Failure-Category': 'FAILURE_CLIENT_AUTH_MISMATCH' };
    const classic = refused('classic', mismatch);
    expect(classic).toMatchObject({ class: 'invalid-token', status: 401 });
    expect(classic?.message).toMatch(/^api\.atlassian\.com refused these credentials/);
    expect(classic?.message).toMatch(/do not pair/);
    expect(classic?.message).toMatch(/or it is a classic token/);
    expect(classic?.fix).toMatch(/Check the token on its site/);
    for (const f of [classic, refused('scoped', mismatch), refused('classic', JSON_HEADERS)]) {
      expect(f).toEqual(classic);
      expect(`${f?.message} ${f?.fix}`).not.toMatch(/Classic API tokens .*only work on the site|Mark this token as "classic"|mark it as classic/i);
    }
  });

  it('a scoped token rejected by the gateway is invalid (or mislabelled classic)', () => {
    const f = classifyResponse(
      facts({
        status: 401,
        tokenKind: 'scoped',
        baseKind: 'gateway',
        headers: { 'X-Failure-Category': 'FAILURE_CLIENT_AUTH_MISMATCH' },
        bodyText: '{"code":401,"message":"Unauthorized"}',
      }),
    );
    expect(f?.class).toBe('invalid-token');
    expect(f?.message).toMatch(/invalid, expired or revoked/);
    expect(f?.message).toMatch(/classic/);
  });

  it('wrong-base-url: Bearer on the gateway answers 404', () => {
    const f = classifyResponse(
      facts({ status: 404, tokenKind: 'dc-pat', baseKind: 'gateway', bodyText: '{"message":"Not Found"}' }),
    );
    expect(f).toMatchObject({ class: 'wrong-base-url', status: 404 });
  });

  it('wrong-base-url: the identity endpoint missing means the base (DC context path) is wrong', () => {
    const f = classifyResponse(facts({ status: 404, tokenKind: 'dc-pat', baseKind: 'dc', bodyText: '<html>Not found</html>' }));
    expect(f?.class).toBe('wrong-base-url');
    expect(f?.fix).toMatch(/context path/);
  });

  it('invalid-token: revoked classic token on the site', () => {
    const f = classifyResponse(
      facts({
        status: 401,
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        bodyText: 'Basic authentication with passwords is deprecated.  For more information, see: https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/',
      }),
    );
    expect(f).toMatchObject({ class: 'invalid-token', status: 401 });
    expect(f?.message).toMatch(/invalid, expired or revoked/);
    expect(f?.message).not.toMatch(/deprecated/);
  });

  it.each([
    ['Tomcat’s HTML page', { 'Content-Type': 'text/html' }, '<html><body><h1>HTTP Status 401 – Unauthorized</h1><p>Basic Authentication Failure - Reason : AUTHENTICATED_FAILED</p></body></html>'],
    ['"Login Required"', JSON_HEADERS, '{"statusCode":401,"message":"Login Required"}'],
    ['an empty body', {}, ''],
  ])('a Data Center 401 with %s is the PAT refused by that server, never a malformed answer', (_name, headers, bodyText) => {
    const f = classifyResponse(facts({ status: 401, tokenKind: 'dc-pat', baseKind: 'dc', headers, bodyText, site: 'confluence.dc.test' }));
    expect(f).toMatchObject({ class: 'invalid-token', status: 401 });
    expect(f?.message).toMatch(/^confluence\.dc\.test refused the personal access token/);
    expect(f?.fix).toMatch(/new personal access token.*this server/);
  });

  it('invalid-token on Data Center talks about personal access tokens', () => {
    const f = classifyResponse(facts({ status: 401, tokenKind: 'dc-pat', baseKind: 'dc', bodyText: '' }));
    expect(f?.class).toBe('invalid-token');
    expect(f?.fix).toMatch(/personal access token/);
  });

  it.each([403, 404])('no-permission-or-not-found: %i says both', (status) => {
    const f = classifyResponse(
      facts({
        status,
        operation: 'getPageById',
        bodyText: `{"errors":[{"status":${status},"code":"NOT_FOUND","title":"Not Found","detail":null}]}`,
      }),
    );
    expect(f).toMatchObject({ class: 'no-permission-or-not-found', status });
    expect(f?.message).toMatch(/does not exist/);
    expect(f?.message).toMatch(/not allowed/);
  });

  it('no-confluence-access: 403 "not permitted to use Confluence" from user/current is its own class', () => {
    const f = classifyResponse(
      facts({ status: 403, site: 'acme.atlassian.net', bodyText: '{"message":"Current user not permitted to use Confluence"}' }),
    );
    expect(f).toMatchObject({ class: 'no-confluence-access', status: 403 });
    expect(f?.message).toMatch(/^This account has no access to Confluence on acme\.atlassian\.net/);
    expect(f?.fix).toBe('Ask a site admin to give the account Confluence access, or use a token of an account that has it.');
    // Other 403s keep their meaning.
    expect(classifyResponse(facts({ status: 403, bodyText: '{"message":"Forbidden"}' }))?.class).toBe('no-permission-or-not-found');
  });

  it('403 from the XSRF check is a request the extension got wrong', () => {
    const f = classifyResponse(
      facts({ status: 403, operation: 'addContentWatcher', headers: { 'Content-Type': 'text/plain' }, bodyText: 'XSRF check failed' }),
    );
    expect(f?.class).toBe('request-rejected');
  });

  describe('anonymous fallback', () => {
    it.each([
      ['anonymous type', { type: 'anonymous', displayName: 'Anonymous', _links: {} }],
      ['known without accountId', { type: 'known', displayName: 'x' }],
      ['unknown type', { type: 'unknown', accountId: 'abc' }],
    ])('%s with credentials sent → anonymous-fallback', (_n, body) => {
      const f = classifyResponse(facts({ status: 200, bodyText: JSON.stringify(body) }));
      expect(f).toMatchObject({ class: 'anonymous-fallback', status: 200 });
    });

    it('is not reported for deliberately anonymous calls', () => {
      expect(classifyResponse(facts({ status: 200, credentialsSent: false, bodyText: '{"type":"anonymous"}' }))).toBeNull();
    });

    it('accepts a Data Center user identified by username', () => {
      const body = JSON.stringify({ type: 'known', username: 'ada', userKey: '8a8b', displayName: 'Ada' });
      expect(classifyResponse(facts({ status: 200, tokenKind: 'dc-pat', baseKind: 'dc', bodyText: body }))).toBeNull();
    });
  });

  describe('rate limiting and server errors', () => {
    it('429 with Retry-After seconds', () => {
      const f = classifyResponse(
        facts({
          status: 429,
          headers: {
            'Retry-After': '7',
            'X-RateLimit-Limit': '100',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-NearLimit': 'true',
            'RateLimit-Reason': 'confluence-quota-based',
          },
          bodyText: '{"message":"Rate limit exceeded"}',
        }),
      );
      expect(f).toMatchObject({ class: 'rate-limited', status: 429, retryAfterMs: 7000 });
      expect(f?.message).toMatch(/7 seconds/);
    });

    it('429 from an API token (Retry-After and X-RateLimit-Limit/Remaining, no NearLimit or reason) is fully classified', () => {
      const f = classifyResponse(
        facts({ status: 429, headers: { 'Retry-After': '5', 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' } }),
      );
      expect(f).toMatchObject({ class: 'rate-limited', status: 429, retryAfterMs: 5000 });
      expect(`${f?.message} ${f?.fix}`).not.toMatch(/quota|near/i);
    });

    it('429 with Retry-After: 0 reports the floor of about a second, never zero', () => {
      const f = classifyResponse(facts({ status: 429, headers: { 'Retry-After': '0' } }));
      expect(f?.retryAfterMs).toBe(MIN_SERVER_WAIT_MS);
      expect(f?.message).toMatch(/wait 1 second\./);
    });

    it('429 with an HTTP-date Retry-After', () => {
      const f = classifyResponse(facts({ status: 429, headers: { 'Retry-After': 'Sat, 01 Mar 2025 12:00:30 GMT' } }));
      expect(f?.retryAfterMs).toBe(30_000);
    });

    it('429 with an absurd Retry-After reports a capped wait', () => {
      const f = classifyResponse(facts({ status: 429, headers: { 'Retry-After': '9223372036854775807' } }));
      expect(f?.retryAfterMs).toBe(3_600_000);
      expect(classifyResponse(facts({ status: 429, headers: { 'Retry-After': '9223372036854775807' }, maxReportedWaitMs: 60_000 }))?.retryAfterMs).toBe(60_000);
    });

    it('429 without Retry-After falls back to X-RateLimit-Reset', () => {
      const f = classifyResponse(facts({ status: 429, headers: { 'X-RateLimit-Reset': '2025-03-01T12:01:00Z' } }));
      expect(f?.retryAfterMs).toBe(60_000);
    });

    it('503 is a server error that may carry a wait', () => {
      expect(classifyResponse(facts({ status: 503, headers: { 'Retry-After': '3' } }))).toMatchObject({
        class: 'server-error',
        status: 503,
        retryAfterMs: 3000,
      });
      expect(classifyResponse(facts({ status: 500 }))).toMatchObject({ class: 'server-error', status: 500 });
      expect(classifyResponse(facts({ status: 500 }))?.retryAfterMs).toBeUndefined();
    });
  });

  describe('malformed responses', () => {
    it('an HTML login page answered with 200', () => {
      const f = classifyResponse(
        facts({
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=UTF-8' },
          bodyText: '<!DOCTYPE html><html><head><title>Log in with Atlassian account</title></head></html>',
        }),
      );
      expect(f).toMatchObject({ class: 'malformed-response', status: 200 });
      expect(f?.message).toMatch(/login page/);
    });

    it('HTML mislabelled as JSON', () => {
      expect(classifyResponse(facts({ status: 200, bodyText: '  <html><body>Sign in</body></html>' }))?.class).toBe('malformed-response');
    });

    it('a truncated JSON body', () => {
      const f = classifyResponse(facts({ status: 200, bodyText: KNOWN_USER.slice(0, 40) }));
      expect(f?.class).toBe('malformed-response');
      expect(f?.message).toMatch(/not valid JSON/);
    });

    it('an empty 200 where JSON was expected', () => {
      expect(classifyResponse(facts({ status: 200, bodyText: '' }))?.message).toMatch(/empty/);
    });

    it('204 and bodyless operations are fine', () => {
      expect(classifyResponse(facts({ status: 204, operation: 'addContentWatcher' }))).toBeNull();
      // Data Center answers the watch POST with 200 and a body we don't need.
      expect(classifyResponse(facts({ status: 200, operation: 'addContentWatcher', bodyText: '<not json>' }))).toBeNull();
    });
  });

  it('a 3xx is its own class, redirected, naming the site', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const f = classifyResponse(facts({ status, site: 'acme.atlassian.net', headers: { Location: 'https://evil.atlassian.net/x' } }));
      expect(f).toMatchObject({ class: 'redirected', status });
      expect(f?.message).toMatch(/^acme\.atlassian\.net answered with a redirect to another address, so the answer was not trusted\./);
    }
  });

  it('other 4xx are requests Confluence refused as invalid', () => {
    expect(classifyResponse(facts({ status: 400, operation: 'getContentById', bodyText: '{"statusCode":400,"message":"expand too long"}' }))).toMatchObject({
      class: 'request-rejected',
      status: 400,
    });
  });

  it('never echoes the response body into the message', () => {
    const secretish = 'server-echoed-value-1234567890';
    for (const status of [200, 400, 401, 403, 404, 429, 500]) {
      const f = classifyResponse(facts({ status, bodyText: `{"message":"${secretish}"`, headers: { 'Content-Type': 'application/json' } }));
      expect(JSON.stringify(f)).not.toContain(secretish);
    }
  });
});

describe('the sentences of hostile answers', () => {
  it('redirected is a class of its own, with a sentence and a fix', () => {
    expect(FAILURE_CLASSES).toContain('redirected');
    const f = redirectedFailure('acme.atlassian.net', { status: 302, target: 'evil.atlassian.net' });
    expect(f).toMatchObject({ class: 'redirected', status: 302 });
    expect(f.message).toMatch(/^acme\.atlassian\.net answered with a redirect to another address \(evil\.atlassian\.net\), so the answer was not trusted\. /);
    expect(f.fix).toMatch(/site address/);
    // A browser's opaque redirect: status 0, nowhere to name.
    expect(redirectedFailure('acme.atlassian.net', { status: 0 })).not.toHaveProperty('status');
  });

  it('rate-limited until a time: "Rate limited by <site>: try again at HH:MM" in local time, rounded up to the minute', () => {
    const at = new Date(2025, 2, 1, 9, 4, 10).getTime(); // local time
    expect(localClockTime(at)).toBe('09:05');
    expect(localClockTime(new Date(2025, 2, 1, 23, 59, 0).getTime())).toBe('23:59');
    const f = rateLimitedUntil('acme.atlassian.net', { status: 429 }, 60_000, at);
    expect(f).toMatchObject({ class: 'rate-limited', status: 429, retryAfterMs: 60_000 });
    expect(f.message).toMatch(/^Rate limited by acme\.atlassian\.net: try again at 09:05\. It asked to wait 60 seconds \(HTTP 429\)/);
    expect(f.fix).toMatch(/^Try again at 09:05\./);
    expect(rateLimitedUntil('acme.atlassian.net', { status: 429 }, 3_600_000, at).message).toContain('60 minutes');
  });
});
