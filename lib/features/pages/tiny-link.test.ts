import { describe, expect, it } from 'vitest';
import { decodeTinyLink, encodeTinyLink } from './tiny-link';

describe('tiny links', () => {
  it('decodes the checked pairs exactly', () => {
    expect(decodeTinyLink('LIQHD')).toBe('201819180');
    expect(decodeTinyLink('D4BkcAE')).toBe('6180601871');
  });

  it('encodes the checked pairs', () => {
    expect(encodeTinyLink('201819180')).toBe('LIQHD');
    expect(encodeTinyLink(6180601871n)).toBe('D4BkcAE');
  });

  it('round-trips ids above 2^32, up to the largest long', () => {
    const ids = [
      2n ** 32n,
      2n ** 32n + 1n,
      6180601871n,
      9007199254740993n, // 2^53 + 1: not representable as a JS number
      123456789012345678n,
      2n ** 63n - 1n,
      1n,
      255n,
      256n,
      65535n,
    ];
    for (const id of ids) {
      const code = encodeTinyLink(id);
      expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(code).not.toMatch(/A$/);
      expect(decodeTinyLink(code)).toBe(id.toString());
    }
  });

  it('round-trips ids whose code uses the replaced characters - and _', () => {
    // 0xfbff: bytes ff fb -> base64 "//s" -> "--s"; 0xf8fb: bytes fb f8 -> "+/g" -> "_-g"
    expect(encodeTinyLink(0xfbffn)).toBe('--s');
    expect(decodeTinyLink('--s')).toBe(String(0xfbff));
    expect(encodeTinyLink(0xf8fbn)).toBe('_-g');
    expect(decodeTinyLink('_-g')).toBe(String(0xf8fb));
  });

  it('ignores extra trailing A padding (high-order zero bytes)', () => {
    expect(decodeTinyLink('LIQHDA')).toBe('201819180');
    expect(decodeTinyLink('LIQHDAAA')).toBe('201819180');
  });

  it('rejects codes that are not tiny links', () => {
    for (const code of ['', 'AAAA', 'A', 'LIQ/HD', 'LIQ+HD', 'LIQHD=', 'abc.def', 'ABCDEFGHIJKL', '__________8']) {
      expect(decodeTinyLink(code), code).toBeNull();
    }
  });

  it('refuses to encode non-ids', () => {
    expect(() => encodeTinyLink(0n)).toThrow(RangeError);
    expect(() => encodeTinyLink(2n ** 63n)).toThrow(RangeError);
  });
});
