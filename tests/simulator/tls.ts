// A fresh self-signed certificate at every start; no private key is ever written to the repo.
import { generate } from 'selfsigned';

/** DNS names the certificate covers (Chromium runs with --ignore-certificate-errors anyway). */
export const CERT_DNS_NAMES = ['*.atlassian.net', 'api.atlassian.com', 'api.media.atlassian.com', 'confluence.dc.test', 'www.example.test', 'localhost'] as const;
export const CERT_IPS = ['127.0.0.1'] as const;

export async function createCertificate(): Promise<{ key: string; cert: string }> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'Confluence simulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60 * 60 * 1000),
    notAfterDate: new Date(now + 30 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...CERT_DNS_NAMES.map((value) => ({ type: 2 as const, value })), ...CERT_IPS.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
