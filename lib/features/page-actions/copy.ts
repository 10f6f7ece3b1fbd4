import type { ActionFailure } from '../../atlassian/failure-view';
import type { CopyKind } from './action-names';
import type { ActionResult } from './action-result';
import { curlCommand, markdownLink, restUrls } from './copy-texts';
import { contentNoun, type PageAction, type PageActionCall } from './page-action';
import { readPageCard } from './page-card';

/*
 * Copy actions: each gives the text and the surface writes the clipboard (the popup itself; a
 * menu or shortcut through the background's clipboard). Links come from Confluence's own answer
 * (`_links`), on the site (a Data Center server under its context path); ids and REST URLs need no call.
 */

const COPIED: Record<CopyKind, string> = {
  link: 'Copied the link',
  'tiny-link': 'Copied the tiny link',
  id: 'Copied the id',
  markdown: 'Copied the Markdown link',
  'rest-v1': 'Copied the REST v1 URL',
  'rest-v2': 'Copied the REST v2 URL',
  curl: 'Copied the curl command',
  'page-markdown': 'Copied the page as Markdown',
};

const done = (kind: CopyKind, text: string): ActionResult => ({ ok: true, copy: { kind, text }, sentence: `${COPIED[kind]}: ${text}` });

const missing = (what: string): ActionResult => {
  const failure: ActionFailure = { class: 'no-page', message: `Confluence did not give this page's ${what}.`, fix: 'Copy the page link instead.' };
  return { ok: false, failure };
};

function fromCard(name: PageAction['name'], kind: CopyKind, pick: (card: Awaited<ReturnType<typeof readPageCard>> & { ok: true }, call: PageActionCall) => ActionResult): PageAction {
  return {
    name,
    operation: 'getContentById',
    async run(call) {
      const lookup = await readPageCard(call);
      if (!lookup.ok) return lookup.result;
      return pick(lookup, call);
    },
  };
}

export const copyLinkAction = fromCard('copy-link', 'link', ({ card }) => (card.webUrl ? done('link', card.webUrl) : missing('address')));
export const copyTinyLinkAction = fromCard('copy-tiny-link', 'tiny-link', ({ card }) => (card.tinyUrl ? done('tiny-link', card.tinyUrl) : missing('tiny link')));
export const copyMarkdownAction = fromCard('copy-markdown', 'markdown', ({ card }) =>
  card.webUrl ? done('markdown', markdownLink(card.title, card.webUrl)) : missing('address'),
);

function fromUrls(name: PageAction['name'], kind: CopyKind, pick: (urls: NonNullable<ReturnType<typeof restUrls>>, call: PageActionCall) => ActionResult): PageAction {
  return {
    name,
    operation: undefined,
    async run(call) {
      const urls = restUrls(call.credential.kind, call.site, call.target.context.contentId);
      if (!urls) return { ok: false, failure: { class: 'no-page', message: 'The REST address of this page could not be built.', fix: 'Check the token in the extension options.' } };
      return pick(urls, call);
    },
  };
}

export const copyIdAction: PageAction = {
  name: 'copy-id',
  operation: undefined,
  run: async ({ target }) => done('id', target.context.contentId),
};

export const copyRestV1Action = fromUrls('copy-rest-v1', 'rest-v1', (urls) => done('rest-v1', urls.v1));
export const copyRestV2Action = fromUrls('copy-rest-v2', 'rest-v2', (urls, call) =>
  urls.v2 && call.target.context.contentType === 'page'
    ? done('rest-v2', urls.v2)
    : { ok: false, failure: { class: 'no-page', message: `REST v2 has no /pages address for this ${contentNoun(call.target)}${urls.v2 ? '' : ' on Data Center'}.`, fix: 'Copy the REST v1 URL instead.' } },
);
export const copyCurlAction = fromUrls('copy-curl', 'curl', (urls, call) => done('curl', curlCommand(call.credential.kind, urls.v1)));
