import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineMessages } from './define-message';
import { RejectedMessageError } from './reply';
import { createMessageRouter, MAX_REPLY_CHARS, ReplyRejectedError } from './router';
import { looseObjectPaths } from './strict-schema';

const extension = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const SECRET = 'fake-secret-do-not-leak-0123';

interface Deps {
  answer: unknown;
}
const message = defineMessages<Deps>();
const summary = message({
  type: 'summary',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('summary') }),
  output: z.strictObject({ label: z.string(), tags: z.array(z.strictObject({ name: z.string() })) }),
  handle: async (_m, _s, deps) => deps.answer as { label: string; tags: { name: string }[] },
});
const refusing = message({
  type: 'refusing',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('refusing') }),
  output: z.strictObject({}),
  handle: async () => {
    throw new RejectedMessageError('Not now.');
  },
});

function route(answer: unknown) {
  const errors: unknown[] = [];
  const run = createMessageRouter<Deps>([summary, refusing], { answer }, extension, (_type, error) => errors.push(error));
  return { run, errors };
}

describe('the router checks replies before they leave', () => {
  it('sends a reply that matches its output schema', async () => {
    const { run, errors } = route({ label: 'Work', tags: [{ name: 'a' }] });
    expect(await run({ type: 'summary' }, popup)).toEqual({ ok: true, data: { label: 'Work', tags: [{ name: 'a' }] } });
    expect(errors).toEqual([]);
  });

  it.each([
    ['a secret beside the fields', { label: 'Work', tags: [], secret: SECRET }],
    ['a secret inside a nested object', { label: 'Work', tags: [{ name: 'a', secret: SECRET }] }],
    ['a wrong type', { label: 42, tags: [] }],
    ['nothing at all', undefined],
  ])('sends handler-failed instead of %s, and logs where, never what', async (_name, answer) => {
    const { run, errors } = route(answer);
    const reply = await run({ type: 'summary' }, popup);
    expect(reply).toEqual({ ok: false, error: { code: 'handler-failed', message: 'The background could not handle "summary".' } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ReplyRejectedError);
    expect(JSON.stringify(reply)).not.toContain(SECRET);
    expect(String((errors[0] as Error).message)).not.toContain(SECRET);
  });

  it('passes on a refusal with its reason', async () => {
    const { run } = route(undefined);
    expect(await run({ type: 'refusing' }, popup)).toEqual({ ok: false, error: { code: 'rejected', message: 'Not now.' } });
  });

  it('checks the sender before the handler runs', async () => {
    const { run } = route({ label: 'x', tags: [] });
    const contentScript = { id: 'ext-id', url: 'https://acme.atlassian.net/wiki', frameId: 0, tab: { id: 3, url: 'https://acme.atlassian.net/wiki' } };
    expect(await run({ type: 'summary' }, contentScript)).toMatchObject({ ok: false, error: { code: 'unauthorised-sender' } });
  });
});

describe('looseObjectPaths', () => {
  it('finds every object that would let unlisted keys through', () => {
    const schema = z.strictObject({
      a: z.object({ b: z.string() }),
      list: z.array(z.union([z.strictObject({ ok: z.literal(true) }), z.object({ ok: z.literal(false) })])),
      maybe: z.optional(z.nullable(z.object({}))),
    });
    expect(looseObjectPaths(schema)).toEqual(['(reply).a', '(reply).list[]|1', '(reply).maybe']);
    expect(looseObjectPaths(z.strictObject({ a: z.strictObject({ b: z.array(z.strictObject({})) }) }))).toEqual([]);
  });
});

describe('a schema that throws', () => {
  it('refuses the message instead of breaking the listener', async () => {
    const throwing = message({
      type: 'throwing',
      from: 'extension-page',
      input: z.strictObject({ type: z.literal('throwing'), id: z.string().check(z.refine(() => { throw new SyntaxError('bug'); })) }),
      output: z.strictObject({}),
      handle: async () => ({}),
    });
    const run = createMessageRouter<Deps>([throwing], { answer: null }, extension);
    expect(await run({ type: 'throwing', id: 'x' }, popup)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });
});

describe('reply size', () => {
  it('never sends a reply larger than the cap', async () => {
    const { run, errors } = route({ label: 'x'.repeat(MAX_REPLY_CHARS + 1), tags: [] });
    expect(await run({ type: 'summary' }, popup)).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
    expect(String((errors[0] as Error).message)).toContain('larger than');
    expect((await route({ label: 'x'.repeat(1000), tags: [] }).run({ type: 'summary' }, popup)).ok).toBe(true);
  });
});
