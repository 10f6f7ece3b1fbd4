// Tiny links `/wiki/x/{code}`: the page id as little-endian bytes, base64, '/'→'-', '+'→'_',
// trailing 'A' and '=' dropped (API-FACTS, checked pairs LIQHD ↔ 201819180, D4BkcAE ↔ 6180601871).

export function tinyCodeForId(id: string | number | bigint): string {
  let n = BigInt(id);
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.push(Number(n & 0xffn));
    n >>= 8n;
  }
  if (bytes.length === 0) bytes.push(0);
  return Buffer.from(bytes).toString('base64').replace(/\//g, '-').replace(/\+/g, '_').replace(/=+$/, '').replace(/A+$/, '');
}

export function idForTinyCode(code: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return undefined;
  let b64 = code.replace(/-/g, '/').replace(/_/g, '+');
  while (b64.length % 4 !== 0) b64 += 'A';
  const bytes = Buffer.from(b64, 'base64');
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  return n.toString();
}
