import { describe, expect, it } from 'vitest';
import { parseTenantInfo, TENANT_INFO_MAX_CHARS } from './tenant-info';

const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';

describe('parseTenantInfo', () => {
  it('reads the cloudId, normalised to lower case, ignoring other fields', () => {
    expect(parseTenantInfo(`{"cloudId":"${CLOUD_ID}"}`)).toEqual({ ok: true, cloudId: CLOUD_ID });
    expect(parseTenantInfo(`{"cloudId":"${CLOUD_ID.toUpperCase()}","other":1}`)).toEqual({ ok: true, cloudId: CLOUD_ID });
  });

  it.each([
    ['', 'the tenant_info response was not JSON'],
    ['<html>Log in</html>', 'the tenant_info response was not JSON'],
    ['{"cloudId":', 'the tenant_info response was not JSON'],
    ['null', 'the tenant_info response had no cloudId'],
    ['[]', 'the tenant_info response had no cloudId'],
    [`"${CLOUD_ID}"`, 'the tenant_info response had no cloudId'],
    ['{"cloudid":"a436116f-02ce-4520-8fbb-7301462a1674"}', 'the tenant_info response had no cloudId'],
    ['{"cloudId":"not-a-uuid"}', 'the cloudId in tenant_info was not a UUID'],
    ['{"cloudId":42}', 'the cloudId in tenant_info was not a UUID'],
    ['{"cloudId":null}', 'the cloudId in tenant_info was not a UUID'],
    ['{"cloudId":"a436116f02ce45208fbb7301462a1674"}', 'the cloudId in tenant_info was not a UUID'],
    ['{"cloudId":"a436116f-02ce-4520-8fbb-7301462a1674x"}', 'the cloudId in tenant_info was not a UUID'],
    ['{"cloudId":"00000000-0000-0000-0000-000000000000"}', 'the cloudId in tenant_info was not a UUID'],
    ['{"cloudId":"../../evil"}', 'the cloudId in tenant_info was not a UUID'],
  ])('rejects %s', (body, reason) => {
    expect(parseTenantInfo(body)).toEqual({ ok: false, reason });
  });

  it('rejects bodies above the size bound', () => {
    const body = `{"cloudId":"${CLOUD_ID}","pad":"${'x'.repeat(TENANT_INFO_MAX_CHARS)}"}`;
    expect(parseTenantInfo(body)).toEqual({ ok: false, reason: 'the tenant_info response was too large' });
  });
});
