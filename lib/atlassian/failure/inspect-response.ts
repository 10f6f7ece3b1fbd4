/**
 * One HTTP answer judged and, when it is a failure, put into words: classify.ts decides, and
 * sentences.ts says it.
 */
import { judgeAnswer, type ResponseFacts } from './classify';
import { failureFromCause, type Failure } from './sentences';

/** Either the parsed JSON of a usable answer, or why the answer is a failure. */
export type Inspection = { ok: true; json: unknown } | { ok: false; failure: Failure };

export function inspectResponse(facts: ResponseFacts): Inspection {
  const judgement = judgeAnswer(facts);
  return judgement.ok ? judgement : { ok: false, failure: failureFromCause(judgement.cause) };
}

/** The failure an HTTP answer represents, or null when it is usable. */
export function classifyResponse(facts: ResponseFacts): Failure | null {
  const inspection = inspectResponse(facts);
  return inspection.ok ? null : inspection.failure;
}
