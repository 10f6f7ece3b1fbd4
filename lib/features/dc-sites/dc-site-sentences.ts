/*
 * What a person reads when a Data Center site cannot be added. Each says what happened and that
 * nothing was saved; none repeats more of the input than its host (it may be a pasted secret).
 */

export const NOTHING_SAVED = 'Nothing was saved.';

export const dcSiteSentences = {
  empty: 'Enter the address of your Confluence Data Center, for example https://confluence.example.com/confluence.',
  notAUrl: 'This is not a web address. Enter it in full, for example https://confluence.example.com/confluence.',
  notHttps: `The address must start with https:// so that a personal access token never travels unencrypted. ${NOTHING_SAVED}`,
  withExtras: `Enter only the base address of Confluence: no user name, password, “?” or “#”. ${NOTHING_SAVED}`,
  cloud: `This is an Atlassian Cloud address (*.atlassian.net). Cloud sites need no adding: open one of their pages and add a Cloud token for them. ${NOTHING_SAVED}`,
  noPermission: (origin: string) =>
    `The browser did not give the extension access to ${origin}, so it cannot reach your server. Add the site again and choose Allow. ${NOTHING_SAVED}`,
  unreachable: (host: string) =>
    `${host} could not be reached: the address may be wrong, the server down, or only reachable through your company network or VPN. ${NOTHING_SAVED}`,
  notConfluence: (host: string) =>
    `${host} answered, but not as Confluence: there is no Confluence REST API under /rest/api/ at this address and its page has no Confluence tags. Check the address and its context path (for example /confluence). ${NOTHING_SAVED}`,
  notDcPage: 'This page is not a Confluence Data Center page (it has no Confluence page tags), so there is nothing to enable here.',
} as const;
