import type * as z from 'zod/mini';
import type { AnyMessageDefinition } from './define-message';
import type { MessageErrorCode } from './reply';

/*
 * How extension pages and the content script ask the background something: `ask(type, fields)`,
 * typed from the background's message table. Types only: nothing here imports a schema, since
 * the background checks every reply before it leaves.
 */

/** `browser.runtime.sendMessage`, or a fake in tests. */
export type SendMessage = (message: unknown) => Promise<unknown>;

export type AskErrorCode = MessageErrorCode | 'no-reply' | 'invalid-reply';

export class AskError extends Error {
  constructor(
    readonly code: AskErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AskError';
  }
}

type Definition<Table extends readonly AnyMessageDefinition[], T> = Extract<Table[number], { type: T }>;
type WithoutType<M> = M extends unknown ? Omit<M, 'type'> : never;

/** The message types of `Table` that `From` may send. */
export type MessageTypeFrom<Table extends readonly AnyMessageDefinition[], From> = Extract<Table[number], { from: From }>['type'];
export type AskFields<Table extends readonly AnyMessageDefinition[], T> = WithoutType<z.output<Definition<Table, T>['input']>>;
export type AskReply<Table extends readonly AnyMessageDefinition[], T> = z.output<Definition<Table, T>['output']>;

export type Ask<Table extends readonly AnyMessageDefinition[], From> = <T extends MessageTypeFrom<Table, From>>(
  type: T,
  ...fields: keyof AskFields<Table, T> extends never ? [fields?: AskFields<Table, T>] : [fields: AskFields<Table, T>]
) => Promise<AskReply<Table, T>>;

/** Said when the service worker went away mid-request (Chrome: "message channel closed"). */
export const NO_REPLY_SENTENCE = "The extension's background did not answer; it may have restarted. Try again.";

export function createAsk<Table extends readonly AnyMessageDefinition[], From = 'extension-page'>(send: SendMessage): Ask<Table, From> {
  return (async (type: string, fields?: object) => {
    let reply: unknown;
    try {
      reply = await send({ ...fields, type });
    } catch {
      throw new AskError('no-reply', NO_REPLY_SENTENCE);
    }
    const envelope = typeof reply === 'object' && reply !== null ? (reply as { ok?: unknown; data?: unknown; error?: unknown }) : {};
    if (envelope.ok === true && 'data' in envelope) return envelope.data;
    const error = typeof envelope.error === 'object' && envelope.error !== null ? (envelope.error as { code?: unknown; message?: unknown }) : null;
    if (envelope.ok === false && error && typeof error.code === 'string' && typeof error.message === 'string') {
      throw new AskError(error.code as AskErrorCode, error.message);
    }
    throw new AskError('invalid-reply', `The background's answer to "${type}" was not understood.`);
  }) as Ask<Table, From>;
}
