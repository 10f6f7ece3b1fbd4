import { describe, expect, it } from 'vitest';
import { isFetchCloudIdReply } from './content-script-protocol';

describe('isFetchCloudIdReply', () => {
  it('is true only for a successful reply asking to fetch', () => {
    expect(isFetchCloudIdReply({ ok: true, data: { fetchCloudId: true } })).toBe(true);
    for (const reply of [
      { ok: true, data: { fetchCloudId: false } },
      { ok: true, data: { fetchCloudId: 'true' } },
      { ok: false, error: { code: 'unauthorised-sender', message: 'no' }, data: { fetchCloudId: true } },
      { ok: 'true', data: { fetchCloudId: true } },
      { ok: true, data: null },
      { ok: true },
      { fetchCloudId: true },
      null,
      undefined,
      'yes',
    ]) {
      expect(isFetchCloudIdReply(reply), JSON.stringify(reply)).toBe(false);
    }
  });
});
