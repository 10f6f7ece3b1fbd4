import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AskError } from './ask';
import { defineMessages } from './define-message';
import { createPortAsk, PORT_CLOSED_SENTENCE, PORT_LOST_SENTENCE } from './port-ask';
import { fakePortChannel, type FakePortChannel } from '../../testing/fake-port';
import { servePort, type ServedPort } from './port-server';
import { createMessageRouter } from './router';
import type { SenderLike } from './sender-check';

const extension = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const exportPage: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/export.html', tab: { id: 4, url: 'chrome-extension://ext-id/export.html' } };
const contentScript: SenderLike = { id: 'ext-id', url: 'https://acme.atlassian.net/wiki/x', frameId: 0, tab: { id: 5, url: 'https://acme.atlassian.net/wiki/x' } };

interface Deps {
  connection: ServedPort;
  gate: Promise<void>;
  calls: string[];
}
const message = defineMessages<Deps>();
const echo = message({
  type: 'echo',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('echo'), text: z.string() }),
  output: z.strictObject({ text: z.string() }),
  async handle(m, _s, deps) {
    deps.calls.push(m.text);
    await deps.gate;
    if (deps.connection.signal.aborted) throw new Error('aborted');
    return { text: m.text.toUpperCase() };
  },
});
const TABLE = [echo] as const;

function setup(sender: SenderLike = exportPage) {
  const channels: FakePortChannel[] = [];
  const connections: ServedPort[] = [];
  const calls: string[] = [];
  let release!: () => void;
  let gate = new Promise<void>((r) => (release = r));
  const client = createPortAsk<typeof TABLE>(() => {
    const c = fakePortChannel(sender);
    channels.push(c);
    servePort(c.bg, (connection) => {
      connections.push(connection);
      return createMessageRouter<Deps>(TABLE, { connection, gate, calls }, extension);
    });
    return c.page;
  });
  return {
    client,
    channels,
    connections,
    calls,
    open: () => release(),
    hold: () => (gate = new Promise<void>((r) => (release = r))),
  };
}

describe('port requests', () => {
  it('are answered through the router, one connection for many requests', async () => {
    const t = setup();
    t.open();
    await expect(t.client.ask('echo', { text: 'a' })).resolves.toEqual({ text: 'A' });
    await expect(t.client.ask('echo', { text: 'b' })).resolves.toEqual({ text: 'B' });
    expect(t.channels).toHaveLength(1);
  });

  it('are validated: an extra field (a URL) is refused', async () => {
    const t = setup();
    t.open();
    const ask = t.client.ask as unknown as (type: string, fields: object) => Promise<unknown>;
    await expect(ask('echo', { text: 'a', url: 'https://evil.example/' })).rejects.toMatchObject({ code: 'invalid-message' });
    expect(t.calls).toEqual([]);
  });

  it('from a content script are refused', async () => {
    const t = setup(contentScript);
    t.open();
    await expect(t.client.ask('echo', { text: 'a' })).rejects.toMatchObject({ code: 'unauthorised-sender' });
    expect(t.calls).toEqual([]);
  });

  it('survive a stopped worker: the pending request is sent again on a new connection', async () => {
    const t = setup();
    const answer = t.client.ask('echo', { text: 'late' });
    await new Promise((r) => setTimeout(r, 0));
    t.channels[0]!.drop();
    expect(t.connections[0]!.signal.aborted).toBe(true);
    t.open();
    await expect(answer).resolves.toEqual({ text: 'LATE' });
    expect(t.channels).toHaveLength(2);
    expect(t.client.reconnects()).toBe(1);
    expect(t.calls).toEqual(['late', 'late']);
  });

  it('fail with a sentence after too many lost connections, never hang', async () => {
    const t = setup();
    const answer = t.client.ask('echo', { text: 'x' });
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 0));
      t.channels.at(-1)!.drop();
    }
    await expect(answer).rejects.toEqual(new AskError('no-reply', PORT_LOST_SENTENCE));
  });

  it('are cancelled by close(): the background sees its signal abort', async () => {
    const t = setup();
    const answer = t.client.ask('echo', { text: 'x' });
    await new Promise((r) => setTimeout(r, 0));
    t.client.close();
    await expect(answer).rejects.toEqual(new AskError('no-reply', PORT_CLOSED_SENTENCE));
    expect(t.connections[0]!.signal.aborted).toBe(true);
    await expect(t.client.ask('echo', { text: 'y' })).rejects.toThrow(PORT_CLOSED_SENTENCE);
  });
});
