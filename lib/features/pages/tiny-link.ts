import { MAX_CONTENT_ID } from './page-context';

/*
 * Confluence tiny links (`/wiki/x/{code}`): the page id as little-endian bytes, base64 with
 * `/`→`-` and `+`→`_`, then trailing `=` and `A` dropped. A dropped `A` is six zero bits, i.e.
 * high-order zeros of a little-endian number, so padding with `A` again restores the id exactly.
 * BigInt throughout: ids exceed 2^32 (and JS bit operators work on 32 bits).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** 8 bytes (a Java long) need at most 11 base64 characters. */
const TINY_CODE = /^[A-Za-z0-9_-]{1,11}$/;

/** The content id (decimal string) a tiny-link code stands for, or null if it is not one. */
export function decodeTinyLink(code: string): string | null {
  if (!TINY_CODE.test(code)) return null;
  let b64 = code.replace(/-/g, '/').replace(/_/g, '+');
  while (b64.length % 4) b64 += 'A';
  let id = 0n;
  let shift = 0n;
  for (let i = 0; i < b64.length; i += 4) {
    let group = 0;
    for (let j = 0; j < 4; j++) group = group * 64 + ALPHABET.indexOf(b64[i + j]!);
    // A group of four characters carries three bytes, first byte first.
    for (const byte of [group >> 16, (group >> 8) & 255, group & 255]) {
      id |= BigInt(byte) << shift;
      shift += 8n;
    }
  }
  return id > 0n && id <= MAX_CONTENT_ID ? id.toString() : null;
}

/** The tiny-link code of a content id (decimal string or bigint). */
export function encodeTinyLink(contentId: string | bigint): string {
  let id = BigInt(contentId);
  if (id <= 0n || id > MAX_CONTENT_ID) throw new RangeError(`Not a content id: ${contentId}`);
  const bytes: number[] = [];
  while (id > 0n) {
    bytes.push(Number(id & 255n));
    id >>= 8n;
  }
  let b64 = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const group = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    for (let j = 0; j < 4; j++) b64 += ALPHABET[(group >> (18 - 6 * j)) & 63];
  }
  // Characters beyond the real bytes are `A` (zero bits), the same as the `=` padding they replace.
  return b64.replace(/A+$/, '').replace(/\//g, '-').replace(/\+/g, '_');
}
