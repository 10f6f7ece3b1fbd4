import type { AtlassianClient, Credential, Site } from '../../atlassian/client';
import type { OperationId } from '../../atlassian/operations';
import type { ActionName } from './action-names';
import type { ActionResult } from './action-result';
import type { ActionTarget } from './target';

/** What an action gets once the dispatcher has chosen the token and how to send it. */
export interface PageActionCall {
  client: Pick<AtlassianClient, 'request'>;
  credential: Credential;
  /** Where the call goes and people's links point: a Cloud site, or a Data Center server with its context path. */
  site: Site;
  /** `target.host` is the site key (lib/sites/site-key.ts): never build a URL from it, use `site`. */
  target: ActionTarget;
}

/** One action on a page; the dispatcher does everything up to the call (dispatcher.ts). */
export interface PageAction {
  name: ActionName;
  /**
   * The operation it sends, for the read-only guard: a write (any method but GET/HEAD) is refused
   * for read-only tokens before the vault is opened. Undefined: it sends nothing itself.
   */
  operation: OperationId | undefined;
  run(call: PageActionCall): Promise<ActionResult>;
}

const CONTENT_NOUNS: Record<ActionTarget['context']['contentType'], string> = {
  page: 'page',
  blogpost: 'blog post',
  whiteboard: 'whiteboard',
  database: 'database',
  folder: 'folder',
};

/** "page", "blog post", … as a sentence names the target. */
export function contentNoun(target: ActionTarget): string {
  return CONTENT_NOUNS[target.context.contentType];
}
