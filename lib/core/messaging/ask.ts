import * as z from 'zod/mini';

/*
 * How an extension page asks the background something. Replies are validated too: a page shows
 * only what matches the schema, and says so plainly when something does not.
 */

/** `browser.runtime.sendMessage`, or a fake in tests. */
export type SendMessage = (message: unknown) => Promise<unknown>;

export class BackgroundRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundRequestError';
  }
}

const errorReplySchema = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Sends `message` and returns the reply's data if it matches `dataSchema`. Throws a
 * BackgroundRequestError: the background's own error code, `no-reply` or `invalid-reply`.
 */
export async function request<T>(send: SendMessage, message: { type: string }, dataSchema: z.ZodMiniType<T>): Promise<T> {
  let reply: unknown;
  try {
    reply = await send(message);
  } catch (error) {
    throw new BackgroundRequestError('no-reply', `The extension's background did not answer (${String(error)}).`);
  }
  const failure = errorReplySchema.safeParse(reply);
  if (failure.success) throw new BackgroundRequestError(failure.data.error.code, failure.data.error.message);
  const success = z.object({ ok: z.literal(true), data: dataSchema }).safeParse(reply);
  if (!success.success) {
    throw new BackgroundRequestError('invalid-reply', `The background's answer to "${message.type}" was not understood.`);
  }
  return success.data.data as T;
}
