/* What a person reads when the organisation's policy refuses something; no imports, so any page may use it. */
export const policySentences = {
  siteNotAllowed: (site: string) => `${site} is not allowed by your organisation, so no token is used there (policy “allowedSites”).`,
  kindNotSent: (kind: string, allowed: readonly string[]) =>
    `Your organisation allows only these kinds of token: ${allowed.join(', ')} (policy “allowedTokenKinds”), so nothing is sent as a ${kind}.`,
  kindNotSaved: (kind: string, allowed: readonly string[]) =>
    `Your organisation allows only these kinds of token: ${allowed.join(', ')} (policy “allowedTokenKinds”), so a ${kind} cannot be saved.`,
  sitesNotSaved: (sites: readonly string[]) =>
    `Your organisation does not allow ${sites.join(', ')} (policy “allowedSites”), so no token can be saved for ${sites.length === 1 ? 'it' : 'them'}.`,
  exportOff: 'Your organisation has turned off exporting pages (policy “disableExport”).',
  fix: 'Ask your administrator if you need it.',
} as const;
