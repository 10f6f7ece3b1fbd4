/**
 * Failures of calls to Atlassian, for existing importers: classify (failure/classify.ts) says
 * what an answer means, sentences (failure/sentences.ts) say it to people.
 */
export { FAILURE_CLASSES, type FailureClass } from './failure-classes';
export {
  AUTH_MISMATCH_CATEGORY,
  FAILURE_CATEGORY_HEADER,
  NO_CONFLUENCE_ACCESS_BODY,
  SCOPE_CHECK_CATEGORY,
  judgeAnswer,
  type FailureCause,
  type Judgement,
  type ResponseFacts,
} from './failure/classify';
export { classifyResponse, inspectResponse, type Inspection } from './failure/inspect-response';
export {
  cancelledFailure,
  dataCenterOnlyFailure,
  endpointFailure,
  failureFromCause,
  invalidInputFailure,
  malformedFailure,
  offlineFailure,
  policyRefusedFailure,
  localClockTime,
  rateLimited,
  rateLimitedAsLoginFailure,
  rateLimitedUntil,
  readOnlyFailure,
  redirectedFailure,
  serverError,
  tooLargeFailure,
  truncatedFailure,
  unknownOperationFailure,
  unsupportedOnDataCenter,
  unusableCredentialFailure,
  type Failure,
} from './failure/sentences';
