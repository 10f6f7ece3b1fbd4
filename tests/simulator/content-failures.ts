// Content made to fail when read (`control.failContent(id, { status })`): the answer in each
// API's error envelope. Listings that merely name the content (descendants, children) still work.
import {
  V1_CONTENT_FORBIDDEN_MESSAGE,
  V1_INTERNAL_ERROR_MESSAGE,
  V2_ERROR_TITLES,
  v1ContentNotFoundMessage,
  v1ErrorBody,
  v2ErrorBody,
} from './guesses';
import { json, type SimResponse } from './http';
import type { SimState } from './state';

export type ContentFailureStatus = 403 | 404 | 500;
export const CONTENT_FAILURE_STATUSES: readonly ContentFailureStatus[] = [403, 404, 500];

function v1Message(status: ContentFailureStatus, id: string): string {
  if (status === 404) return v1ContentNotFoundMessage(id);
  return status === 403 ? V1_CONTENT_FORBIDDEN_MESSAGE : V1_INTERNAL_ERROR_MESSAGE;
}

/** The v1 answer for reading content `id`, when a test made it fail. */
export function v1ContentFailure(state: SimState, id: string): SimResponse | undefined {
  const status = state.failedContent.get(id);
  return status === undefined ? undefined : json(status, v1ErrorBody(status, v1Message(status, id)));
}

/** The v2 answer for reading content `id`, when a test made it fail. */
export function v2ContentFailure(state: SimState, id: string): SimResponse | undefined {
  const status = state.failedContent.get(id);
  return status === undefined ? undefined : json(status, v2ErrorBody(status, V2_ERROR_TITLES[status] ?? 'Error'));
}
