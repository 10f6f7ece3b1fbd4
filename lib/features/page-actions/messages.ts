import * as z from 'zod';
import { actionFailureSchema } from '../../atlassian/failure-view-schema';
import { defineMessages } from '../../core/messaging/define-message';
import { RejectedMessageError } from '../../core/messaging/reply';
import { contentIdSchema } from '../pages/page-context-schema';
import { siteKeySchema } from '../../sites/site-key-schema';
import { ACTION_NAMES, COPY_KINDS } from './action-names';
import type { ActionResult } from './action-result';
import type { ActionDispatcher } from './dispatcher';
import type { TokenChoices } from './token-choices';

/* Page actions (watch, …) on the page a tab shows, for extension pages. docs/messages.md describes it. */

export interface PageActionsDeps {
  actions: ActionDispatcher;
  /** Opens the Export page an export action named, in a new tab (the background's, for every surface). */
  openExport(address: NonNullable<Extract<ActionResult, { ok: true }>['export']>): Promise<void>;
  tokenChoices: Pick<TokenChoices, 'set'>;
}

const text = z.string().max(4000);

/** The page card (`page-card`), strict: it goes to pages as is. */
const pageCardSchema = z.strictObject({
  id: z.string().max(100),
  type: z.string().max(100),
  title: text,
  spaceKey: z.string().max(300).optional(),
  spaceName: text.optional(),
  version: z.number().optional(),
  updatedBy: text.optional(),
  updatedAt: z.string().max(100).optional(),
  labels: z.array(z.string().max(300)).max(1000),
  webUrl: text.optional(),
  tinyUrl: text.optional(),
});

export const actionResultSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    sentence: text,
    watching: z.boolean().optional(),
    spaceWatching: z.boolean().optional(),
    card: pageCardSchema.optional(),
    // A page as Markdown can be long; the router's reply limit still bounds it.
    copy: z.strictObject({ kind: z.enum(COPY_KINDS), text: z.string().max(3_000_000) }).optional(),
    export: z
      .strictObject({ host: z.string().max(253), contentId: z.string().max(100), scope: z.enum(['page', 'tree']), title: text.optional() })
      .optional(),
  }),
  z.strictObject({ ok: z.literal(false), failure: actionFailureSchema }),
]);

const message = defineMessages<PageActionsDeps>();

/** The tab id is all the message says: page, site and token are the background's own choice. */
export const actionRun = message({
  type: 'action-run',
  from: 'extension-page',
  input: z.strictObject({
    type: z.literal('action-run'),
    action: z.enum(ACTION_NAMES),
    tabId: z.number().int().nonnegative(),
    /** The page the caller showed: if the tab has moved on since, nothing is done. */
    contentId: z.optional(contentIdSchema),
  }),
  output: actionResultSchema,
  async handle(run, _sender, deps) {
    const result = await deps.actions.runOnTab(run.action, run.tabId, run.contentId);
    // The background opens the Export page, as it does for menus: the popup stays small.
    if (result.ok && result.export) await deps.openExport(result.export);
    return result;
  },
});

const tokenChoiceOutput = z.strictObject({
  /** Ids and labels of the saved tokens meant for the site, in list order. */
  tokens: z.array(z.strictObject({ id: z.string(), label: z.string() })),
  /** The one actions use there. */
  chosen: z.string().nullable(),
});

export const actionTokens = message({
  type: 'action-tokens',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('action-tokens'), site: siteKeySchema }),
  output: tokenChoiceOutput,
  async handle({ site }, _sender, deps) {
    const { tokens, chosen } = await deps.actions.tokensFor(site);
    return { tokens: tokens.map((t) => ({ id: t.id, label: t.label })), chosen: chosen?.id ?? null };
  },
});

export const actionTokenChoose = message({
  type: 'action-token-choose',
  from: 'extension-page',
  /** Only a token meant for the site can be chosen for it. */
  input: z.strictObject({ type: z.literal('action-token-choose'), site: siteKeySchema, tokenId: z.string().min(1).max(100) }),
  output: tokenChoiceOutput,
  async handle({ site, tokenId }, _sender, deps) {
    const before = await deps.actions.tokensFor(site);
    if (!before.tokens.some((t) => t.id === tokenId)) throw new RejectedMessageError('That token is not meant for this site. Add the site to it in the options first.');
    await deps.tokenChoices.set(site, tokenId);
    const { tokens, chosen } = await deps.actions.tokensFor(site);
    return { tokens: tokens.map((t) => ({ id: t.id, label: t.label })), chosen: chosen?.id ?? null };
  },
});

export const pageActionsMessages = [actionRun, actionTokens, actionTokenChoose] as const;
