/*
 * The envelope of every reply the background sends. Zod-free: the content script imports it.
 */

export type MessageErrorCode =
  /** No handler for this `type`. */
  | 'unknown-message'
  /** The message does not match its schema. */
  | 'invalid-message'
  /** The sender may not send this message. */
  | 'unauthorised-sender'
  /** Well-formed and authorised, but refused (e.g. the context contradicts the tab's URL). */
  | 'rejected'
  /** The handler failed; nothing about the failure is leaked. */
  | 'handler-failed';

export interface MessageError {
  code: MessageErrorCode;
  message: string;
}

export type MessageReply<T> = { ok: true; data: T } | { ok: false; error: MessageError };

/** Thrown by a handler to refuse a message with a reason the sender may see. */
export class RejectedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedMessageError';
  }
}
