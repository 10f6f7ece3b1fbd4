/*
 * What travels on a long-lived port (`runtime.connect`): numbered requests, each answered once
 * with the same envelope as a runtime message's reply. Zod-free: the export page imports it.
 */
import type { MessageReply } from './reply';

/** Page → background: one message of the port's table, numbered by the page. */
export interface PortRequestFrame {
  seq: number;
  message: unknown;
}

/** Background → page: the reply to request `seq`. */
export interface PortReplyFrame {
  seq: number;
  reply: MessageReply<unknown>;
}

/** The part of `runtime.Port` both ends use; tests pass fakes. */
export interface PortLike {
  readonly name: string;
  readonly sender?: import('./sender-check').SenderLike | undefined;
  postMessage(frame: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (frame: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export function isRequestFrame(frame: unknown): frame is PortRequestFrame {
  return typeof frame === 'object' && frame !== null && Number.isSafeInteger((frame as { seq?: unknown }).seq) && 'message' in frame;
}

export function isReplyFrame(frame: unknown): frame is PortReplyFrame {
  if (typeof frame !== 'object' || frame === null) return false;
  const { seq, reply } = frame as { seq?: unknown; reply?: unknown };
  return Number.isSafeInteger(seq) && typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean';
}
