/**
 * The response schema of each JSON operation, so the client validates every answer it hands on.
 * Operations answering 204 or file bytes have none.
 */
import type * as z from 'zod';
import type { Operation, OperationId } from '../operations';
import { attachmentsPageSchema } from './attachments';
import { contentListSchema, contentSchema } from './content';
import { jiraUserSchema } from './jira-user';
import { descendantsPageSchema, pageSchema, pagesListSchema } from './page';
import { spacesPageSchema } from './spaces';
import { userSchema } from './user';
import { watchStatusSchema } from './watch';

export const RESPONSE_SCHEMAS = {
  getCurrentUser: userSchema,
  getContentWatchStatus: watchStatusSchema,
  getSpaceWatchStatus: watchStatusSchema,
  getContentById: contentSchema,
  getPageById: pageSchema,
  getPageAttachments: attachmentsPageSchema,
  getContentAttachments: contentListSchema,
  getDescendants: contentListSchema,
  getChildren: contentListSchema,
  findContentByTitle: contentListSchema,
  getPageDescendantsV2: descendantsPageSchema,
  listSpaces: spacesPageSchema,
  listPages: pagesListSchema,
  getJiraCurrentUser: jiraUserSchema,
} as const satisfies { [Id in OperationId as Operation<Id>['response'] extends 'json' ? Id : never]: z.ZodType };

/**
 * A downloaded file (the `binary` operations): its bytes, or, when the caller asked for a
 * hand-off and the download redirected to another host (Cloud's signed media URL), that URL,
 * which carries no credential of ours, for an extension page to fetch itself.
 */
export type DownloadedFile =
  | { kind: 'bytes'; blob: Blob; contentType: string | null }
  | { kind: 'signed-url'; url: string; contentType: string | null };

/** What a successful call of operation `Id` yields when no other schema is given. */
export type DefaultResponse<Id extends OperationId> = Id extends keyof typeof RESPONSE_SCHEMAS
  ? z.output<(typeof RESPONSE_SCHEMAS)[Id]>
  : Operation<Id>['response'] extends 'binary'
    ? DownloadedFile
    : undefined;

export function defaultSchemaFor(id: OperationId): z.ZodType | undefined {
  return (RESPONSE_SCHEMAS as Partial<Record<OperationId, z.ZodType>>)[id];
}

export * from './attachments';
export * from './content';
export * from './jira-user';
export * from './page';
export * from './spaces';
export * from './user';
export * from './watch';
