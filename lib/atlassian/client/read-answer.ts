/**
 * What an operation's answer means: the failure classification (failure.ts) and, for usable
 * JSON, validation against the operation's schema. A download's bytes are taken as they are.
 */
import type * as z from 'zod';
import type { BaseKind, TokenKind } from '../endpoints';
import { inspectResponse, malformedFailure } from '../failure';
import { findNextLink } from '../next-link';
import { OPERATIONS, type OperationId } from '../operations';
import { waitRequestedMs } from '../retry-after';
import type { RetryPolicy } from '../retry';
import type { DownloadedFile } from '../schemas/index';
import type { Answer } from './attempt';
import type { Reading } from './execute';

export interface OperationAnswerContext {
  operation: OperationId;
  tokenKind: TokenKind;
  baseKind: BaseKind;
  /** The site's host, for sentences that name it. */
  site: string;
  schema: z.ZodType | undefined;
  policy: RetryPolicy;
}

export function readOperationAnswer(ctx: OperationAnswerContext, answer: Answer): Reading<unknown> {
  const { status, headers } = answer;
  const ok = (data: unknown, json: unknown): Reading<unknown> => {
    const next = findNextLink(json, headers.get('link'));
    return { ok: true, data, ...(next !== undefined ? { next } : {}) };
  };
  if (answer.body.kind === 'bytes') {
    const file: DownloadedFile = { kind: 'bytes', blob: answer.body.blob, contentType: headers.get('content-type') };
    return ok(file, undefined);
  }
  if (answer.body.kind === 'signed-url') {
    const file: DownloadedFile = { kind: 'signed-url', url: answer.body.url, contentType: headers.get('content-type') };
    return ok(file, undefined);
  }

  const inspection = inspectResponse({
    status,
    headers,
    bodyText: answer.body.text,
    operation: ctx.operation,
    tokenKind: ctx.tokenKind,
    baseKind: ctx.baseKind,
    site: ctx.site,
    nowMs: answer.receivedAt,
    maxReportedWaitMs: ctx.policy.maxReportedWaitMs,
  });
  if (!inspection.ok) {
    return {
      ok: false,
      failure: inspection.failure,
      verdict: { transient: ctx.policy.retryStatuses.includes(status), retryAfterMs: waitRequestedMs(status, headers, answer.receivedAt) },
    };
  }
  const json = inspection.json;
  if (OPERATIONS[ctx.operation].response !== 'json' || ctx.schema === undefined) return ok(undefined, json);
  const parsed = ctx.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the top level';
    // A value over the bounds of schemas/bounds.ts is refused, never kept or shown.
    const detail = issue?.code === 'too_big' ? `a value was longer than the extension accepts (at ${where})` : `the data did not have the expected shape (at ${where})`;
    return { ok: false, failure: malformedFailure(detail, status), verdict: { transient: false } };
  }
  return ok(parsed.data, json);
}
