/*
 * The background's end of a long-lived port. Every request goes through a message router, so
 * a port request is defined, sender-checked and validated both ways exactly like a runtime
 * message. The router is made per connection with that connection's abort signal: closing the
 * page (or the page cancelling) stops the work it asked for.
 */
import { isRequestFrame, type PortLike, type PortReplyFrame } from './port-frames';
import type { MessageRouter } from './router';

export interface ServedPort {
  /** Aborted when the page disconnects. */
  readonly signal: AbortSignal;
}

/**
 * Serves `port` with the router `makeRouter` builds for it. Frames that are not requests are
 * ignored (a page that sends garbage gets nothing); replies to a closed port are dropped.
 */
export function servePort(port: PortLike, makeRouter: (connection: ServedPort) => MessageRouter): ServedPort {
  const controller = new AbortController();
  const connection: ServedPort = { signal: controller.signal };
  const route = makeRouter(connection);
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
    controller.abort();
  });
  port.onMessage.addListener((frame) => {
    if (!isRequestFrame(frame)) return;
    const { seq, message } = frame;
    void route(message, port.sender ?? {}).then((reply) => {
      if (!open) return;
      const answer: PortReplyFrame = { seq, reply };
      try {
        port.postMessage(answer);
      } catch {
        // The port closed between the check and the post.
      }
    });
  });
  return connection;
}
