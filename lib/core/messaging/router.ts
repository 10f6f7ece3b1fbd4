import * as z from 'zod/mini';
import type { AnyMessageDefinition } from './define-message';
import { RejectedMessageError, type MessageErrorCode, type MessageReply } from './reply';
import { checkContentScriptSender, checkExtensionPageSender, type ExtensionIdentity, type SenderLike } from './sender-check';

/*
 * One router for every runtime message the background accepts. A message is handled only after
 * its schema and its sender check pass, and its answer leaves only if it matches the message's
 * output schema: this is where "no secret leaves the background" is enforced, once.
 */

export type MessageRouter = (message: unknown, sender: SenderLike) => Promise<MessageReply<unknown>>;

/** A handler answered something its output schema does not allow; only paths are kept, never values. */
export class ReplyRejectedError extends Error {
  constructor(type: string, issues: readonly z.core.$ZodIssue[]) {
    const where = issues.slice(0, 3).map((i) => (i.path.length ? i.path.join('.') : '(reply)'));
    super(`The reply to "${type}" does not match its schema at ${where.join(', ')}; it was not sent.`);
    this.name = 'ReplyRejectedError';
  }
}

const fail = (code: MessageErrorCode, message: string): MessageReply<never> => ({ ok: false, error: { code, message } });

/**
 * The most a reply may weigh as JSON. The data behind replies is bounded where it enters (the
 * client's answers, the form's fields, the 2,000-entry log), and the largest real reply (the full
 * activity log) is under 1 MB: this is the last line against a page frozen by a huge answer.
 */
export const MAX_REPLY_CHARS = 4_000_000;

function describeIssues(error: z.core.$ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message}`);
  return `Invalid message: ${issues.join('; ')}${error.issues.length > 3 ? '; …' : ''}`;
}

/** A schema whose own check throws (a bug) must refuse the message, not break the listener. */
function safely<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

export function createMessageRouter<Deps>(
  definitions: readonly AnyMessageDefinition<Deps>[],
  deps: Deps,
  extension: ExtensionIdentity,
  onHandlerError: (type: string, error: unknown) => void = () => {},
  /** A port carrying page bodies (exports) allows larger replies than runtime messages. */
  options: { maxReplyChars?: number } = {},
): MessageRouter {
  const maxReplyChars = options.maxReplyChars ?? MAX_REPLY_CHARS;
  const table = new Map<string, AnyMessageDefinition<Deps>>();
  for (const definition of definitions) {
    if (table.has(definition.type)) throw new Error(`Two definitions of message "${definition.type}".`);
    table.set(definition.type, definition);
  }

  return async (message, sender) => {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    const definition = typeof type === 'string' ? table.get(type) : undefined;
    if (!definition) return fail('unknown-message', `Unknown message type ${JSON.stringify(String(type)).slice(0, 80)}.`);

    const parsed = safely(() => z.safeParse(definition.input, message));
    if (!parsed) return fail('invalid-message', 'Invalid message: it could not be read.');
    if (!parsed.success) return fail('invalid-message', describeIssues(parsed.error));

    let sent: { kind: 'content-script' | 'extension-page' } & object;
    if (definition.from === 'content-script') {
      const host = (parsed.data as { host?: unknown }).host;
      const check = checkContentScriptSender(sender, extension, typeof host === 'string' ? host : '');
      if (!check.ok) return fail('unauthorised-sender', check.reason);
      sent = check.sender;
    } else {
      const check = checkExtensionPageSender(sender, extension);
      if (!check.ok) return fail('unauthorised-sender', check.reason);
      sent = check.sender;
    }

    let answer: unknown;
    try {
      answer = await definition.handle(parsed.data, sent as never, deps);
    } catch (error) {
      if (error instanceof RejectedMessageError) return fail('rejected', error.message);
      onHandlerError(definition.type, error);
      return fail('handler-failed', `The background could not handle "${definition.type}".`);
    }
    const reply = safely(() => z.safeParse(definition.output, answer));
    if (!reply) {
      onHandlerError(definition.type, new Error(`Checking the reply to "${definition.type}" failed; it was not sent.`));
      return fail('handler-failed', `The background could not handle "${definition.type}".`);
    }
    if (!reply.success) {
      onHandlerError(definition.type, new ReplyRejectedError(definition.type, reply.error.issues));
      return fail('handler-failed', `The background could not handle "${definition.type}".`);
    }
    if (JSON.stringify(reply.data).length > maxReplyChars) {
      onHandlerError(definition.type, new Error(`The reply to "${definition.type}" is larger than ${maxReplyChars} characters; it was not sent.`));
      return fail('handler-failed', `The background could not handle "${definition.type}".`);
    }
    return { ok: true, data: reply.data };
  };
}
