/**
 * The request client, for existing importers: the chokepoint itself is in client/ (prepare,
 * attempt, execute, paginate; composed by client/create-client.ts).
 */
export { createAtlassianClient } from './client/create-client';
export { DEFAULT_MAX_PAGES } from './client/paginate';
export type {
  AnyRequestInput,
  ApiResult,
  AtlassianClient,
  AtlassianClientDeps,
  Credential,
  PaginatedResult,
  QueryValue,
  RequestInput,
  ResponseMeta,
  ResultData,
  Site,
} from './client/types';
