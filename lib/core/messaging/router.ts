import type * as z from 'zod/mini';
import { RejectedMessageError, type MessageErrorCode, type MessageReply } from './reply';
import {
  checkContentScriptSender,
  checkExtensionPageSender,
  type ExtensionIdentity,
  type SenderLike,
  type VerifiedContentScript,
  type VerifiedExtensionPage,
} from './sender-check';

/*
 * One router for every runtime message the background accepts. A message is handled only after
 * its schema and its sender check pass; anything else gets a typed error reply and no effect.
 * Adding a message = a schema in ./schemas/, a handler in ./handlers/, one line in the table.
 */

/** A message a content script sends about the site it runs on; the sender check uses `host`. */
export interface ContentScriptHandler<Deps, M extends { type: string; host: string } = any, R = unknown> {
  type: M['type'];
  from: 'content-script';
  schema: z.ZodMiniType<M>;
  handle(message: M, sender: VerifiedContentScript, deps: Deps): Promise<R>;
}

/** A message from the popup or another extension page. */
export interface ExtensionPageHandler<Deps, M extends { type: string } = any, R = unknown> {
  type: M['type'];
  from: 'extension-page';
  schema: z.ZodMiniType<M>;
  handle(message: M, sender: VerifiedExtensionPage, deps: Deps): Promise<R>;
}

export type MessageHandler<Deps> = ContentScriptHandler<Deps> | ExtensionPageHandler<Deps>;

export type MessageRouter = (message: unknown, sender: SenderLike) => Promise<MessageReply<unknown>>;

const fail = (code: MessageErrorCode, message: string): MessageReply<never> => ({ ok: false, error: { code, message } });

function describeIssues(error: z.core.$ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message}`);
  return `Invalid message: ${issues.join('; ')}${error.issues.length > 3 ? '; …' : ''}`;
}

export function createMessageRouter<Deps>(
  handlers: readonly MessageHandler<Deps>[],
  deps: Deps,
  extension: ExtensionIdentity,
  onHandlerError: (type: string, error: unknown) => void = () => {},
): MessageRouter {
  const table = new Map<string, MessageHandler<Deps>>();
  for (const handler of handlers) {
    if (table.has(handler.type)) throw new Error(`Two handlers for message "${handler.type}".`);
    table.set(handler.type, handler);
  }

  return async (message, sender) => {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    const handler = typeof type === 'string' ? table.get(type) : undefined;
    if (!handler) return fail('unknown-message', `Unknown message type ${JSON.stringify(String(type)).slice(0, 80)}.`);

    const parsed = handler.schema.safeParse(message);
    if (!parsed.success) return fail('invalid-message', describeIssues(parsed.error));

    try {
      if (handler.from === 'content-script') {
        const check = checkContentScriptSender(sender, extension, parsed.data.host);
        if (!check.ok) return fail('unauthorised-sender', check.reason);
        return { ok: true, data: await handler.handle(parsed.data, check.sender, deps) };
      }
      const check = checkExtensionPageSender(sender, extension);
      if (!check.ok) return fail('unauthorised-sender', check.reason);
      return { ok: true, data: await handler.handle(parsed.data, check.sender, deps) };
    } catch (error) {
      if (error instanceof RejectedMessageError) return fail('rejected', error.message);
      onHandlerError(handler.type, error);
      return fail('handler-failed', `The background could not handle "${handler.type}".`);
    }
  };
}
