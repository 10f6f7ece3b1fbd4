/*
 * The page's end of a long-lived port: `ask(type, fields)` typed from the port's message table,
 * like `createAsk`. A Chrome service worker may be stopped mid-job; its ports then disconnect.
 * Port requests are reads, so the pending ones are sent again on a new connection (which wakes
 * the worker), a few times, before the page is told in a sentence. Nothing here imports a schema.
 */
import type { AnyMessageDefinition } from './define-message';
import { AskError, type Ask, type AskErrorCode } from './ask';
import { isReplyFrame, type PortLike, type PortRequestFrame } from './port-frames';

export interface PortAsk<Table extends readonly AnyMessageDefinition[]> {
  ask: Ask<Table, 'extension-page'>;
  /** Connections opened after the first (a stopped worker, a crash). */
  reconnects(): number;
  /** Ends the connection; pending requests fail as cancelled, the background stops their work. */
  close(): void;
}

export interface PortAskOptions {
  /** Reconnections one request may live through before it fails. */
  maxReconnects?: number;
  /** Told each time the port is reopened (the export page shows it in its log). */
  onReconnect?: (count: number) => void;
}

export const PORT_LOST_SENTENCE =
  "The extension's background stopped answering and could not be reached again, so the export was stopped. Start it again.";
export const PORT_CLOSED_SENTENCE = 'The export was cancelled.';

interface Pending {
  frame: PortRequestFrame;
  /** Connection count when it was last sent. */
  resent: number;
  resolve(value: unknown): void;
  reject(error: AskError): void;
}

export function createPortAsk<Table extends readonly AnyMessageDefinition[]>(connect: () => PortLike, options: PortAskOptions = {}): PortAsk<Table> {
  const maxReconnects = options.maxReconnects ?? 3;
  const pending = new Map<number, Pending>();
  let nextSeq = 1;
  let reconnects = 0;
  let closed = false;
  let port: PortLike | undefined;

  const settle = (seq: number) => {
    const entry = pending.get(seq);
    pending.delete(seq);
    return entry;
  };

  function open(): PortLike {
    const opened = connect();
    opened.onMessage.addListener((frame) => {
      if (!isReplyFrame(frame)) return;
      const entry = settle(frame.seq);
      if (!entry) return;
      const { reply } = frame;
      if (reply.ok) entry.resolve(reply.data);
      else entry.reject(new AskError(reply.error.code as AskErrorCode, reply.error.message));
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      if (closed || pending.size === 0) return;
      reconnect();
    });
    return opened;
  }

  function reconnect() {
    reconnects++;
    options.onReconnect?.(reconnects);
    for (const [seq, entry] of pending) {
      if (entry.resent >= maxReconnects) {
        settle(seq);
        entry.reject(new AskError('no-reply', PORT_LOST_SENTENCE));
      }
    }
    if (pending.size === 0) return;
    let fresh: PortLike;
    try {
      fresh = open();
    } catch {
      for (const seq of [...pending.keys()]) settle(seq)?.reject(new AskError('no-reply', PORT_LOST_SENTENCE));
      return;
    }
    port = fresh;
    for (const entry of pending.values()) {
      entry.resent++;
      send(fresh, entry);
    }
  }

  function send(target: PortLike, entry: Pending) {
    try {
      target.postMessage(entry.frame);
    } catch {
      // A port that died between connect and post disconnects too; the resend happens there.
    }
  }

  const ask = ((type: string, fields?: object) =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(new AskError('no-reply', PORT_CLOSED_SENTENCE));
        return;
      }
      const entry: Pending = { frame: { seq: nextSeq++, message: { ...fields, type } }, resent: 0, resolve, reject };
      pending.set(entry.frame.seq, entry);
      if (!port) port = open();
      send(port, entry);
    })) as Ask<Table, 'extension-page'>;

  return {
    ask,
    reconnects: () => reconnects,
    close() {
      closed = true;
      for (const seq of [...pending.keys()]) settle(seq)?.reject(new AskError('no-reply', PORT_CLOSED_SENTENCE));
      port?.disconnect();
      port = undefined;
    },
  };
}
