import type * as z from 'zod/mini';
import type { VerifiedContentScript, VerifiedExtensionPage } from './sender-check';

/*
 * A runtime message is defined once, in its feature's messages.ts: its type, who may send it,
 * the strict schema of what it carries, the strict schema of what it answers, and its handler.
 * The router checks both schemas; extension pages and the content script only see the types.
 */

export type SenderKind = 'content-script' | 'extension-page';

export type VerifiedSender<From extends SenderKind> = From extends 'content-script' ? VerifiedContentScript : VerifiedExtensionPage;

export interface MessageDefinition<Deps, Type extends string, Input extends { type: Type }, Output, From extends SenderKind> {
  type: Type;
  /** Content-script messages name the site they are about (`host`); the sender check holds them to it. */
  from: From;
  /** The whole message, `{ type, ...fields }`; strict, so an extra field (a URL, a method) is refused. */
  input: z.core.$ZodType<Input>;
  /** What may leave the background; strict at every level, so nothing unlisted (a secret) goes out. */
  output: z.core.$ZodType<Output>;
  // NoInfer: the schemas alone say what the message and its answer are; the handler must fit them.
  handle(message: NoInfer<Input>, sender: VerifiedSender<From>, deps: Deps): Promise<NoInfer<Output>>;
}

// `any` here only lets one table hold definitions of different shapes; each keeps its own types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMessageDefinition<Deps = any> = MessageDefinition<Deps, string, any, any, SenderKind>;

/**
 * `const message = defineMessages<PagesDeps>()` once per feature, then `message({ … })` per
 * message: the feature's dependency type is given once, the rest is inferred.
 */
export function defineMessages<Deps>() {
  return <const Type extends string, Input extends { type: Type }, Output, From extends SenderKind>(
    definition: MessageDefinition<Deps, Type, Input, Output, From>,
  ) => definition;
}
