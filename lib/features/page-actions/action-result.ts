import type { ActionFailure } from '../../atlassian/failure-view';
import type { CopyKind } from './action-names';

/** The page as the popup's card shows it, from one API call. */
export interface PageCard {
  id: string;
  type: string;
  title: string;
  spaceKey?: string;
  spaceName?: string;
  version?: number;
  updatedBy?: string;
  /** ISO 8601, as Confluence sent it. */
  updatedAt?: string;
  labels: string[];
  /** The page on the site itself (never the gateway). */
  webUrl?: string;
  tinyUrl?: string;
}

/** What running an action on a page gave. */
export type ActionResult =
  | {
      ok: true;
      sentence: string;
      /** Watch actions: whether the token's account watches the page now. */
      watching?: boolean;
      /** Space watch actions: whether it watches the page's space now. */
      spaceWatching?: boolean;
      card?: PageCard;
      /** Copy actions: the text to put on the clipboard (the surface writes it). */
      copy?: { kind: CopyKind; text: string };
      /** Export actions: the Export page to open for this page (the surface opens it); `host` is the site key. */
      export?: { host: string; contentId: string; scope: 'page' | 'tree'; title?: string };
    }
  | { ok: false; failure: ActionFailure };
