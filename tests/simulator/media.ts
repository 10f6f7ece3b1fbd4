// The media host (api.media.atlassian.com): attachment downloads redirect here with a signed URL.
// It serves the bytes only to requests WITHOUT Authorization; one that carries it is logged (like
// every request) and rejected, so tests can prove the client never leaks its token there.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { attachmentBytes } from './content-store';
import type { SimAttachment, SimContent } from './fixtures';
import {
  MEDIA_AUTHORIZATION_REJECTED_BODY,
  MEDIA_BAD_TOKEN_STATUS,
  MEDIA_REJECTS_AUTHORIZATION_STATUS,
  MEDIA_TOKEN_TTL_SECONDS,
  mediaUrl,
} from './guesses';
import { header, json, type SimRequest, type SimResponse } from './http';
import type { SimState } from './state';

const CLIENT_ID = '5a1b2c3d-0000-4000-8000-00000000c11e';

const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

function sign(secret: Buffer, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

/** A JWT-shaped token granting read access to one file for a few minutes. */
export function signedMediaLocation(state: SimState, c: SimContent, att: SimAttachment): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({ iss: CLIENT_ID, exp: Math.floor(Date.now() / 1000) + MEDIA_TOKEN_TTL_SECONDS, access: { [`urn:filestore:file:${att.fileId}`]: ['read'] } }),
  );
  const token = `${head}.${payload}.${sign(state.mediaSecret, `${head}.${payload}`)}`;
  return mediaUrl(att.fileId, token, CLIENT_ID, c.id, att.title);
}

function tokenGrants(state: SimState, token: string, fileId: string): boolean {
  const [head, payload, sig] = token.split('.');
  if (!head || !payload || !sig) return false;
  const expected = Buffer.from(sign(state.mediaSecret, `${head}.${payload}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: number; access?: Record<string, string[]> };
    return (claims.exp ?? 0) * 1000 > Date.now() && (claims.access?.[`urn:filestore:file:${fileId}`] ?? []).includes('read');
  } catch {
    return false;
  }
}

export function handleMedia(req: SimRequest, state: SimState): SimResponse {
  if (header(req, 'authorization') !== undefined) return json(MEDIA_REJECTS_AUTHORIZATION_STATUS, MEDIA_AUTHORIZATION_REJECTED_BODY);
  const m = /^\/file\/([0-9a-f-]+)\/binary$/.exec(req.url.pathname);
  if (!m || req.method !== 'GET') return json(404, { error: { code: 'NotFound', title: 'Not found' } });
  const fileId = m[1]!;
  const found = state.content.findFile(fileId);
  const token = req.url.searchParams.get('token') ?? '';
  if (!found || !tokenGrants(state, token, fileId)) {
    return json(MEDIA_BAD_TOKEN_STATUS, { error: { code: 'Unauthorized', title: 'Invalid or expired token' } });
  }
  const name = req.url.searchParams.get('name') ?? found.att.title;
  const disposition = req.url.searchParams.get('dl') === 'true' ? 'attachment' : 'inline';
  return {
    status: 200,
    headers: {
      'content-type': found.att.mediaType,
      'content-disposition': `${disposition}; filename="${name.replace(/"/g, '')}"`,
      'cache-control': 'private, max-age=2940',
    },
    body: attachmentBytes(found.att),
  };
}
