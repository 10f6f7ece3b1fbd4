/**
 * Jira's `GET /rest/api/3/myself`: the health report only needs to know that the token signs in
 * to Jira as an account, and which. Every string is bounded like Confluence's.
 */
import * as z from 'zod';
import { text } from './common';

export const jiraUserSchema = z.object({
  accountId: text(),
  displayName: text().nullish(),
  emailAddress: text().nullish(),
  active: z.boolean().optional(),
  accountType: text().optional(),
});
export type JiraUser = z.output<typeof jiraUserSchema>;
