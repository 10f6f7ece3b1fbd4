import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AskError, createAsk, NO_REPLY_SENTENCE } from './ask';
import { defineMessages } from './define-message';

const message = defineMessages<object>();
const table = [
  message({
    type: 'get-thing',
    from: 'extension-page',
    input: z.strictObject({ type: z.literal('get-thing'), id: z.string() }),
    output: z.strictObject({ name: z.string() }),
    handle: async () => ({ name: 'x' }),
  }),
  message({
    type: 'ping',
    from: 'extension-page',
    input: z.strictObject({ type: z.literal('ping') }),
    output: z.strictObject({ pong: z.boolean() }),
    handle: async () => ({ pong: true }),
  }),
] as const;

describe('ask', () => {
  it('sends the documented message and returns the reply data', async () => {
    const sent: unknown[] = [];
    const ask = createAsk<typeof table>(async (m) => (sent.push(m), { ok: true, data: { name: 'Ada' } }));
    const reply: { name: string } = await ask('get-thing', { id: '7' });
    expect(reply).toEqual({ name: 'Ada' });
    expect(sent).toEqual([{ type: 'get-thing', id: '7' }]);
  });

  it('needs no fields for a message that has none, and a field cannot override the type', async () => {
    const sent: unknown[] = [];
    const ask = createAsk<typeof table>(async (m) => (sent.push(m), { ok: true, data: { pong: true } }));
    await ask('ping');
    await ask('get-thing', { id: '1', type: 'ping' } as never);
    expect(sent).toEqual([{ type: 'ping' }, { type: 'get-thing', id: '1' }]);
  });

  it('throws the background’s error as an AskError with its code and sentence', async () => {
    const ask = createAsk<typeof table>(async () => ({ ok: false, error: { code: 'rejected', message: 'No such tab.' } }));
    await expect(ask('ping')).rejects.toEqual(new AskError('rejected', 'No such tab.'));
  });

  it('says in a sentence when the background does not answer, without the browser’s raw text', async () => {
    const ask = createAsk<typeof table>(async () => {
      throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed');
    });
    const error = await ask('ping').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'no-reply', message: NO_REPLY_SENTENCE });
  });

  it.each([undefined, null, 'yes', { ok: true }, { ok: false }, { ok: false, error: { code: 1 } }])('calls %j not understood', async (reply) => {
    const ask = createAsk<typeof table>(async () => reply);
    await expect(ask('ping')).rejects.toMatchObject({ code: 'invalid-reply' });
  });
});
