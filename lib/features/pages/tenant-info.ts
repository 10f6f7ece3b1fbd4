import * as z from 'zod/mini';
import { cloudIdSchema } from './site-record';
import { TENANT_INFO_MAX_CHARS } from './tenant-info-limits';

export { TENANT_INFO_MAX_CHARS };

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/*
 * `{"cloudId":"<uuid>"}` (API-FACTS "Sites and cloudId"). Other fields are ignored. Any
 * 8-4-4-4-12 hex string is accepted: Atlassian does not document the UUID version.
 */
const tenantInfoSchema = z.object({
  cloudId: z.pipe(
    z.string().check(z.trim(), z.toLowerCase()),
    cloudIdSchema.check(z.refine((id) => id !== NIL_UUID, 'nil UUID')),
  ),
});

export type TenantInfoParse = { ok: true; cloudId: string } | { ok: false; reason: string };

/** The cloudId in a tenant_info body, or why there is none. Never throws. */
export function parseTenantInfo(bodyText: string): TenantInfoParse {
  if (bodyText.length > TENANT_INFO_MAX_CHARS) return { ok: false, reason: 'the tenant_info response was too large' };
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return { ok: false, reason: 'the tenant_info response was not JSON' };
  }
  const parsed = tenantInfoSchema.safeParse(json);
  if (!parsed.success) {
    const hasField = typeof json === 'object' && json !== null && 'cloudId' in json;
    return { ok: false, reason: hasField ? 'the cloudId in tenant_info was not a UUID' : 'the tenant_info response had no cloudId' };
  }
  return { ok: true, cloudId: parsed.data.cloudId };
}
