import { describeCloudIdStatus } from './cloud-id-status';
import type { SiteRecord } from './site-record';
import type { SiteView } from './schemas/site-view';

export function toSiteView(site: SiteRecord, now: number): SiteView {
  return {
    host: site.host,
    firstSeenAt: site.firstSeenAt,
    lastSeenAt: site.lastSeenAt,
    cloudId: describeCloudIdStatus(site, now),
  };
}
