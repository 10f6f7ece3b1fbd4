/*
 * A connected pair of fake runtime ports for tests: frames go through JSON as Chrome's do, and
 * `drop()` disconnects both ends the way a stopped service worker does.
 */
import type { PortLike } from '../core/messaging/port-frames';
import type { SenderLike } from '../core/messaging/sender-check';

export interface FakePortChannel {
  page: PortLike;
  bg: PortLike;
  drop(): void;
}

/** A connected pair of fake ports; `drop()` disconnects both ends as a stopped worker does. */
export function fakePortChannel(sender: SenderLike, name = 'ctc-export'): FakePortChannel {
  const listeners = { page: [] as Array<(f: unknown) => void>, bg: [] as Array<(f: unknown) => void> };
  const gone = { page: [] as Array<() => void>, bg: [] as Array<() => void> };
  let open = true;
  const end = (self: 'page' | 'bg', other: 'page' | 'bg', withSender?: SenderLike): PortLike => ({
    name,
    sender: withSender,
    postMessage(frame) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      // Structured through JSON, as Chrome's runtime ports do.
      const copy = JSON.parse(JSON.stringify(frame)) as unknown;
      queueMicrotask(() => listeners[other].forEach((l) => l(copy)));
    },
    disconnect() {
      if (!open) return;
      open = false;
      gone[other].forEach((l) => l());
    },
    onMessage: { addListener: (l) => listeners[self].push(l) },
    onDisconnect: { addListener: (l) => gone[self].push(l) },
  });
  const page = end('page', 'bg');
  const bg = end('bg', 'page', sender);
  return {
    page,
    bg,
    drop() {
      open = false;
      gone.page.forEach((l) => l());
      gone.bg.forEach((l) => l());
    },
  };
}

