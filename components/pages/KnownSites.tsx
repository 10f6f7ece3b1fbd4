import type { SiteView } from '../../lib/features/pages/site-view';
import { DateTime } from '../shared/DateTime';

/** `error`: the list could not be read (a damaged registry); the rest of the popup still works. */
export function KnownSites({ sites, error }: { sites: SiteView[]; error?: string }) {
  return (
    <section aria-labelledby="sites-heading">
      {/* Cloud sites, found as their pages are opened; Data Center sites are listed in the options. */}
      <h2 id="sites-heading">Known Cloud sites</h2>
      {error !== undefined && (
        <p class="notice notice-error" role="alert" data-testid="known-sites-error">
          {error}
        </p>
      )}
      {error === undefined && sites.length === 0 && <p class="note">No Confluence Cloud site has been opened yet. Data Center sites are in the options.</p>}
      <ul class="sites" data-testid="known-sites">
        {sites.map((site) => (
          <li key={site.host} data-testid="known-site">
            <h3 class="site-host">{site.host}</h3>
            <dl class="fields">
              <dt>Cloud ID</dt>
              <dd>
                {site.cloudId.cloudId !== null ? (
                  <code>{site.cloudId.cloudId}</code>
                ) : (
                  <span class={site.cloudId.state === 'error' ? 'error-text' : 'muted'}>{site.cloudId.sentence}</span>
                )}
              </dd>
              <dt>First seen</dt>
              <dd>
                <DateTime ms={site.firstSeenAt} />
              </dd>
              <dt>Last seen</dt>
              <dd>
                <DateTime ms={site.lastSeenAt} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
