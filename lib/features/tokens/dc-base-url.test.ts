import { describe, expect, it } from 'vitest';
import { normaliseDcBaseUrl } from '../../atlassian/endpoints';
import { parseDcBaseUrl } from './dc-base-url';

describe('parseDcBaseUrl and the request client agree on Atlassian Cloud hosts', () => {
  it.each([
    'https://acme.atlassian.net',
    'https://acme.atlassian.net/wiki',
    'https://acme.atlassian.net./wiki',
    'https://API.atlassian.com/ex/confluence',
  ])('%s is refused by both, the form with a sentence about token kinds', (url) => {
    const form = parseDcBaseUrl(url);
    expect(form).toMatchObject({ ok: false });
    if (!form.ok) expect(form.message).toMatch(/Atlassian Cloud address/);
    expect(normaliseDcBaseUrl(url)).toMatchObject({ ok: false, error: { code: 'dc-base-url-on-cloud-host' } });
  });

  it.each(['https://confluence.example.com/confluence', 'https://atlassian.net.example.com'])('%s is accepted by both', (url) => {
    expect(parseDcBaseUrl(url).ok).toBe(true);
    expect(normaliseDcBaseUrl(url).ok).toBe(true);
  });
});
